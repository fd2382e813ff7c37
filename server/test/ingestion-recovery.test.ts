import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { freePort } from '../../scripts/free-port.ts'
import { createApp, type LettaAdminApp } from '../app.ts'
import { defaultAppConfig, type AppConfig } from '../config.ts'
import { generatedText } from './generated-text.ts'
import { json } from './helpers.ts'
import {
  createSource,
  fakeEmbeddingsApi,
  ingest,
  uploadForm,
  vectorsFor,
  waitForJob,
  type FileBody,
  type JobBody,
  type SourceBody,
} from './sources-helpers.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'letta-admin-recovery-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** An app on a data directory that outlives it, as a restarted server would see it. */
function openApp(dataDir: string, overrides: Partial<AppConfig> = {}): LettaAdminApp {
  const server = createApp(defaultAppConfig({ dataDir, ...overrides }))
  let closed = false
  const close = server.close
  server.close = async () => {
    if (closed) return
    closed = true
    await close()
  }
  cleanups.push(() => server.close())
  return server
}

const count = (server: LettaAdminApp, sql: string, ...params: unknown[]) =>
  (server.db.prepare(sql).get(...params) as { n: number }).n

/** Leaves a completed file as a crash mid-embedding would: status embedding, job running, some passages. */
async function halfDoneFile(dataDir: string) {
  const first = openApp(dataDir)
  const source = await createSource(first.app, { embedding_chunk_size: 64 })
  const { file, job } = await ingest(first.app, source.id, {
    name: 'story.txt',
    data: generatedText(6000),
  })
  expect(file.total_chunks).toBeGreaterThan(4)
  first.db
    .prepare("UPDATE files SET processing_status = 'embedding', chunks_embedded = 3 WHERE id = ?")
    .run(file.id)
  first.db
    .prepare(
      'DELETE FROM passages WHERE file_id = ? AND seq NOT IN (SELECT seq FROM passages WHERE file_id = ? ORDER BY seq LIMIT 3)',
    )
    .run(file.id, file.id)
  first.db
    .prepare(
      "UPDATE jobs SET status = 'running', completed_at = NULL, stop_reason = NULL WHERE id = ?",
    )
    .run(job.id)
  await first.close()
  return { source, file, job }
}

describe('recovery at start', () => {
  it('resumes a file a crash left half-embedded: partial passages go first, then it completes', async () => {
    const dataDir = tempDir()
    const { source, file, job } = await halfDoneFile(dataDir)
    writeFileSync(join(dataDir, 'files', 'file-stray'), 'left by a crash')
    writeFileSync(join(dataDir, 'files', `${file.id}.partial`), 'half written')

    const second = openApp(dataDir)
    // Recovery ran inside createApp; the queue starts on a later turn of the event loop.
    expect(count(second, 'SELECT COUNT(*) AS n FROM passages WHERE file_id = ?', file.id)).toBe(0)
    expect(readdirSync(join(dataDir, 'files'))).toEqual([file.id])

    const resumed = await waitForJob(second.app, job.id)
    expect(resumed).toMatchObject({ status: 'completed', metadata: { interruptions: 1 } })
    const done = await json<FileBody>(
      second.app.request(`/v1/sources/${source.id}/files/${file.id}`),
    )
    expect(done).toMatchObject({ processing_status: 'completed', total_chunks: file.total_chunks })
    expect(count(second, 'SELECT COUNT(*) AS n FROM passages WHERE file_id = ?', file.id)).toBe(
      file.total_chunks,
    )
  })

  it('fails a file that crashes the server again and again, rather than looping', async () => {
    const dataDir = tempDir()
    const { source, file, job } = await halfDoneFile(dataDir)
    const db = new Database(join(dataDir, 'letta-admin.sqlite3'))
    db.prepare(
      `UPDATE jobs SET metadata = json_set(metadata, '$.interruptions', 2) WHERE id = ?`,
    ).run(job.id)
    db.close()

    const second = openApp(dataDir)
    const failed = await json<JobBody>(second.app.request(`/v1/jobs/${job.id}`))
    expect(failed.status).toBe('failed')
    const record = await json<FileBody>(
      second.app.request(`/v1/sources/${source.id}/files/${file.id}`),
    )
    expect(record).toMatchObject({
      processing_status: 'error',
      error_message:
        'The server stopped 3 times while processing this file, so it was not tried again.',
    })
    expect(failed.metadata.error).toBe(record.error_message)
    // The counters say what the message says, and what is stored.
    expect(failed.metadata).toMatchObject({ interruptions: 3, chunks_embedded: 0 })
    expect(record.chunks_embedded).toBe(0)
    expect(count(second, 'SELECT COUNT(*) AS n FROM passages')).toBe(0)
  })

  it('fails a half-done file whose stored original is gone', async () => {
    const dataDir = tempDir()
    const { source, file } = await halfDoneFile(dataDir)
    rmSync(join(dataDir, 'files', file.id))
    const second = openApp(dataDir)
    const record = await json<FileBody>(
      second.app.request(`/v1/sources/${source.id}/files/${file.id}`),
    )
    expect(record.processing_status).toBe('error')
    expect(record.error_message).toMatch(/stored copy is missing/)
    expect(count(second, 'SELECT COUNT(*) AS n FROM passages')).toBe(0)
  })

  it('closes an upload job left open after its file completed', async () => {
    const dataDir = tempDir()
    const first = openApp(dataDir)
    const source = await createSource(first.app)
    const { job } = await ingest(first.app, source.id, {
      name: 'a.txt',
      data: 'Done before the crash.',
    })
    first.db
      .prepare("UPDATE jobs SET status = 'running', completed_at = NULL WHERE id = ?")
      .run(job.id)
    await first.close()
    const second = openApp(dataDir)
    expect(await json<JobBody>(second.app.request(`/v1/jobs/${job.id}`))).toMatchObject({
      status: 'completed',
      metadata: { num_passages: 1 },
    })
  })

  it('puts a file back in the queue on a clean shutdown and finishes it at the next start', async () => {
    const api = await fakeEmbeddingsApi(
      (request) => ({ status: 200, body: vectorsFor(request) }),
      25,
    )
    const provider = {
      embeddingProvider: {
        endpoint: api.url,
        model: 'fake-embed',
        apiKey: undefined,
        dimensions: 8,
      },
    }
    const dataDir = tempDir()
    const first = openApp(dataDir, provider)
    const source = await createSource(first.app, {
      embedding_config: { embedding_model: 'fake-embed', batch_size: 4, embedding_chunk_size: 64 },
    })
    const response = await first.app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      body: uploadForm({ name: 'long.txt', data: generatedText(12_000) }),
    })
    const started = await json<JobBody>(response)
    const fileId = started.metadata.file_id as string
    while (count(first, 'SELECT COUNT(*) AS n FROM passages WHERE file_id = ?', fileId) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await first.close()
    const check = new Database(join(dataDir, 'letta-admin.sqlite3'), { readonly: true })
    expect(check.prepare('SELECT status FROM jobs WHERE id = ?').get(started.id)).toEqual({
      status: 'pending',
    })
    expect(
      check.prepare('SELECT processing_status AS s FROM files WHERE id = ?').get(fileId),
    ).toEqual({ s: 'pending' })
    expect(check.prepare('SELECT COUNT(*) AS n FROM passages').get()).toEqual({ n: 0 })
    check.close()

    const second = openApp(dataDir, provider)
    const finished = await waitForJob(second.app, started.id)
    expect(finished).toMatchObject({ status: 'completed', metadata: { interruptions: 0 } })
  })
})

/** The real server in a child process, as `npm start` runs it. */
async function startServer(
  dataDir: string,
): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--no-static',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, child, log: () => output }
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const getJson = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>

describe('a crash mid-ingest (SIGKILL of the real server)', () => {
  it('leaves no job running and no passages of an unfinished file after the restart', async () => {
    const dataDir = tempDir()
    const first = await startServer(dataDir)
    const source = (await (
      await fetch(`${first.url}/v1/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'crash test' }),
      })
    ).json()) as SourceBody
    const text = generatedText(16 * 1024 * 1024)
    const uploaded = await fetch(`${first.url}/v1/sources/${source.id}/upload`, {
      method: 'POST',
      body: uploadForm({ name: 'big.txt', data: text }),
    })
    expect(uploaded.status).toBe(200)
    const job = (await uploaded.json()) as JobBody
    const fileId = job.metadata.file_id as string

    // Wait until passages are being stored, timing /v1/health all the while.
    let slowestHealth = 0
    let state: FileBody
    for (;;) {
      const started = performance.now()
      expect((await fetch(`${first.url}/v1/health`)).status).toBe(200)
      slowestHealth = Math.max(slowestHealth, performance.now() - started)
      state = await getJson<FileBody>(`${first.url}/v1/sources/${source.id}/files/${fileId}`)
      if (state.processing_status === 'embedding' && (state.chunks_embedded ?? 0) > 0) break
      expect(['pending', 'parsing', 'embedding']).toContain(state.processing_status)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    expect(state.chunks_embedded).toBeLessThan(state.total_chunks ?? 0)
    expect(slowestHealth).toBeLessThan(1000)

    const crashed = new Database(join(dataDir, 'letta-admin.sqlite3'), { readonly: true })
    const partial = crashed.prepare('SELECT COUNT(*) AS n FROM passages').get() as { n: number }
    crashed.close()
    expect(partial.n).toBeGreaterThan(0)

    const second = await startServer(dataDir)
    const finished = await (async () => {
      const deadline = Date.now() + 120_000
      for (;;) {
        const current = await getJson<JobBody>(`${second.url}/v1/jobs/${job.id}`)
        if (!['created', 'pending', 'running'].includes(current.status)) return current
        if (Date.now() > deadline) throw new Error(`job still ${current.status}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    expect(finished).toMatchObject({ status: 'completed', metadata: { interruptions: 1 } })
    expect(await getJson<JobBody[]>(`${second.url}/v1/jobs/active`)).toEqual([])
    second.child.kill('SIGTERM')
    await new Promise((resolve) => second.child.once('exit', resolve))

    const db = new Database(join(dataDir, 'letta-admin.sqlite3'), { readonly: true })
    const orphans = db
      .prepare(
        "SELECT COUNT(*) AS n FROM passages p LEFT JOIN files f ON f.id = p.file_id WHERE f.id IS NULL OR f.processing_status != 'completed'",
      )
      .get() as { n: number }
    const running = db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status = 'running'").get() as {
      n: number
    }
    const file = db.prepare('SELECT total_chunks FROM files WHERE id = ?').get(fileId) as {
      total_chunks: number
    }
    const stored = db
      .prepare('SELECT COUNT(*) AS n FROM passages WHERE file_id = ?')
      .get(fileId) as { n: number }
    db.close()
    expect(orphans.n).toBe(0)
    expect(running.n).toBe(0)
    expect(stored.n).toBe(file.total_chunks)
    expect(existsSync(join(dataDir, 'files', fileId))).toBe(true)
  }, 180_000)
})
