/**
 * List endpoints under concurrency: the bundled server in its own process, driven by autocannon
 * from this one with 10 connections; tools, files, passages and jobs pages next to /v1/health.
 * 10,000 tools are created over HTTP; files, passages and jobs are written into the database
 * before the server starts. Run alone with `npx tsx bench/lists-concurrent.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'

import { PROJECT_ROOT } from '../scripts/build-if-stale.ts'
import { freePort } from '../scripts/free-port.ts'
import { openDatabase } from '../server/storage/db.ts'
import { FilesRepository } from '../server/storage/files-repository.ts'
import { JobsRepository } from '../server/storage/jobs-repository.ts'
import { PassagesRepository } from '../server/storage/passages-repository.ts'
import { SourcesRepository, type EmbeddingConfig } from '../server/storage/sources-repository.ts'
import { seedTools } from './seed-tools.ts'

const TOOL_COUNT = 10_000
const FILE_COUNT = 200
const PASSAGES_PER_FILE = 10
const JOB_COUNT = 500
const CONNECTIONS = 10
const SECONDS = 5

const EMBEDDING: EmbeddingConfig = {
  embedding_endpoint_type: 'openai',
  embedding_endpoint: 'http://127.0.0.1:1/v1',
  embedding_model: 'text-embedding-3-small',
  embedding_dim: 64,
  embedding_chunk_size: 300,
  batch_size: 32,
  handle: null,
}

interface Rate {
  label: string
  requestsPerSecond: number
  p50: number
  p99: number
  bytes: number
}

/** Files, passages and jobs written straight into a new database; returns the source's id. */
function seedDatabase(dataDir: string): string {
  const db = openDatabase(dataDir)
  try {
    const source = new SourcesRepository(db).create({ name: 'bench', embedding_config: EMBEDDING })
    const files = new FilesRepository(db)
    const passages = new PassagesRepository(db)
    const jobs = new JobsRepository(db)
    for (let index = 0; index < FILE_COUNT; index += 1) {
      const id = FilesRepository.newId()
      const name = `report-${index}.md`
      files.create({
        id,
        source_id: source.id,
        file_name: name,
        original_file_name: name,
        file_type: 'text/markdown',
        file_size: 4000 + index,
      })
      files.update(id, { processing_status: 'completed', total_chunks: 10, chunks_embedded: 10 })
      passages.insertMany(
        { source_id: source.id, file_id: id, file_name: name },
        EMBEDDING,
        Array.from({ length: PASSAGES_PER_FILE }, (_, chunk) => ({
          text: `Section ${chunk} of report ${index}: quarterly figures, notes and a summary. `.repeat(
            4,
          ),
          embedding: Float32Array.from({ length: EMBEDDING.embedding_dim }, (_, i) =>
            Math.sin(index + chunk + i),
          ),
          metadata: { chunk, file: name },
        })),
      )
    }
    for (let index = 0; index < JOB_COUNT; index += 1) {
      const job = jobs.create({
        source_id: source.id,
        metadata: { type: 'file_upload', file_name: `report-${index % FILE_COUNT}.md` },
      })
      jobs.update(job.id, { status: 'completed', completed_at: new Date().toISOString() })
    }
    return source.id
  } finally {
    db.close()
  }
}

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data-dir', dataDir],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, child }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill()
  throw new Error('The server did not start within 30 s')
}

async function drive(url: string, label: string, path: string): Promise<Rate> {
  const result = await autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  })
  if (result.non2xx || result.errors) throw new Error(`${label}: ${result.non2xx} non-2xx answers`)
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: result.throughput.average / Math.max(1, result.requests.average),
  }
}

export async function benchListsConcurrent(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-bench-lists-'))
  let child: ChildProcess | undefined
  try {
    const sourceId = seedDatabase(dataDir)
    const server = await startServer(dataDir)
    child = server.child
    await seedTools(server.url, TOOL_COUNT)
    const routes: [string, string][] = [
      ['GET /v1/health', '/v1/health'],
      ['GET /v1/tools?limit=50', '/v1/tools?limit=50'],
      ['GET /v1/sources/{id}/files?limit=50', `/v1/sources/${sourceId}/files?limit=50`],
      ['GET /v1/sources/{id}/passages?limit=50', `/v1/sources/${sourceId}/passages?limit=50`],
      ['GET /v1/jobs?limit=50', '/v1/jobs?limit=50'],
    ]
    // A short unmeasured run first, so every route is warm when it is measured.
    for (const [, path] of routes)
      await autocannon({ url: `${server.url}${path}`, connections: 2, duration: 1 })
    const rates: Rate[] = []
    for (const [label, path] of routes) rates.push(await drive(server.url, label, path))
    const health = rates[0]?.requestsPerSecond ?? 1
    const width = Math.max(...rates.map((rate) => rate.label.length))
    console.log(
      `\n${CONNECTIONS} connections for ${SECONDS} s each from a second process, ${TOOL_COUNT} tools stored`,
    )
    console.log(
      `${'request'.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(6)}  ${'p99 ms'.padStart(6)}  ${'body KB'.padStart(7)}  of health`,
    )
    for (const rate of rates) {
      console.log(
        `${rate.label.padEnd(width)}  ${rate.requestsPerSecond.toFixed(0).padStart(7)}  ${rate.p50.toFixed(1).padStart(6)}  ${rate.p99.toFixed(1).padStart(6)}  ${(rate.bytes / 1024).toFixed(1).padStart(7)}  ${((rate.requestsPerSecond / health) * 100).toFixed(0).padStart(8)}%`,
      )
    }
  } finally {
    child?.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchListsConcurrent()
}
