import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { generatedText } from './generated-text.ts'
import { createTestApp, json } from './helpers.ts'
import {
  createSource,
  fakeEmbeddingsApi,
  upload,
  uploadJob,
  vectorsFor,
  type FileBody,
  type JobBody,
} from './sources-helpers.ts'

const passagesOf = (server: LettaAdminApp, fileId: string) =>
  (
    server.db.prepare('SELECT COUNT(*) AS n FROM passages WHERE file_id = ?').get(fileId) as {
      n: number
    }
  ).n

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('concurrent uploads with duplicate_handling=replace', () => {
  it('answers each upload with the file it stored, or a clear 409', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        upload(
          app,
          source.id,
          { name: 'same.txt', data: `Version ${i} of the same file.` },
          'duplicate_handling=replace',
        ),
      ),
    )
    const stored: string[] = []
    for (const response of responses) {
      const body = await json<JobBody & { detail?: string }>(response)
      expect([200, 409], JSON.stringify(body)).toContain(response.status)
      if (response.status === 200) stored.push(body.metadata.file_id as string)
      else expect(body.detail).toMatch(/same\.txt/)
    }
    expect(stored.length).toBeGreaterThan(0)
    // Exactly one file keeps the name: the one stored last.
    const files = await json<FileBody[]>(app.request(`/v1/sources/${source.id}/files`))
    expect(files.filter((file) => file.file_name === 'same.txt')).toHaveLength(1)
  })
})

describe('counters match what is stored', () => {
  it('a job deleted mid-ingestion leaves its file with 0 chunks embedded and 0 passages', async () => {
    const api = await fakeEmbeddingsApi(
      (request) => ({ status: 200, body: vectorsFor(request) }),
      30,
    )
    const server = createTestApp({
      embeddingProvider: {
        endpoint: api.url,
        model: 'fake-embed',
        apiKey: undefined,
        dimensions: 8,
      },
    })
    const source = await createSource(server.app, {
      embedding_config: { embedding_model: 'fake-embed', batch_size: 4, embedding_chunk_size: 64 },
    })
    const job = await uploadJob(server.app, source.id, {
      name: 'long.txt',
      data: generatedText(40_000),
    })
    const fileId = job.metadata.file_id as string
    const fileOf = () =>
      json<FileBody>(server.app.request(`/v1/sources/${source.id}/files/${fileId}`))
    // Mid-ingest, with progress already reported on the file.
    await until(async () => ((await fileOf()).chunks_embedded ?? 0) > 0, 'progress is reported')

    const deleted = await server.app.request(`/v1/jobs/${job.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(200)
    await until(async () => (await fileOf()).processing_status === 'error', 'the file stops')
    await server.context.jobs.whenReleased(job.id, 5000)
    const file = await fileOf()
    expect(passagesOf(server, fileId)).toBe(0)
    expect(file.chunks_embedded).toBe(0)
  })
})
