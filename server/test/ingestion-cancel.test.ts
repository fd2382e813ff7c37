import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { generatedText } from './generated-text.ts'
import { createTestApp, json } from './helpers.ts'
import {
  createSource,
  fakeEmbeddingsApi,
  uploadJob,
  vectorsFor,
  waitForJob,
  type FileBody,
  type JobBody,
  type PassageBody,
} from './sources-helpers.ts'

type App = LettaAdminApp['app']

const passagesOf = (server: LettaAdminApp, fileId: string) =>
  (
    server.db.prepare('SELECT COUNT(*) AS n FROM passages WHERE file_id = ?').get(fileId) as {
      n: number
    }
  ).n

/** Polls until some of the file's passages are stored: it is mid-ingest. */
async function waitUntilEmbedding(server: LettaAdminApp, fileId: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (passagesOf(server, fileId) === 0) {
    if (Date.now() > deadline) throw new Error('ingestion never started embedding')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function startUpload(app: App, sourceId: string, name: string, data: string) {
  const job = await uploadJob(app, sourceId, { name, data })
  return { jobId: job.id, fileId: job.metadata.file_id as string }
}

/** A slow embeddings API (each batch takes `delayMs`), so a test can act while a file is mid-ingest. */
async function slowProviderApp(delayMs: number, overrides = {}) {
  const api = await fakeEmbeddingsApi(
    (request) => ({ status: 200, body: vectorsFor(request) }),
    delayMs,
  )
  const server = createTestApp({
    embeddingProvider: { endpoint: api.url, model: 'fake-embed', apiKey: undefined, dimensions: 8 },
    ...overrides,
  })
  const source = await createSource(server.app, {
    embedding_config: { embedding_model: 'fake-embed', batch_size: 4, embedding_chunk_size: 64 },
  })
  return { api, server, source }
}

/** A file behind a slow embeddings API that has stored some of its passages and has more to go. */
async function fileMidIngest(name: string) {
  const { server, source } = await slowProviderApp(30)
  const uploaded = await startUpload(server.app, source.id, name, generatedText(20_000))
  await waitUntilEmbedding(server, uploaded.fileId)
  return { server, source, ...uploaded }
}

const cancelJob = (app: App, jobId: string) =>
  Promise.resolve(app.request(`/v1/jobs/${jobId}/cancel`, { method: 'PATCH' }))
const jobOf = (app: App, jobId: string) => json<JobBody>(app.request(`/v1/jobs/${jobId}`))
const fileOf = (app: App, sourceId: string, fileId: string) =>
  json<FileBody>(app.request(`/v1/sources/${sourceId}/files/${fileId}`))

describe('cancelling ingestion', () => {
  it('stops a file mid-embedding, removes its passages and marks it cancelled', async () => {
    const { server, source, jobId, fileId } = await fileMidIngest('long.txt')

    const response = await cancelJob(server.app, jobId)
    expect(response.status).toBe(200)
    expect((await json<JobBody>(response)).status).toBe('cancelled')
    expect(await fileOf(server.app, source.id, fileId)).toMatchObject({
      processing_status: 'error',
      error_message: 'Processing was cancelled',
    })
    expect(passagesOf(server, fileId)).toBe(0)
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    expect(server.context.jobs.isRunning(jobId)).toBe(false)
  })

  it('leaves counts that match the database: the file, its list, the passages and the source', async () => {
    const { server, source, jobId, fileId } = await fileMidIngest('counted.txt')
    const finished = await startUpload(server.app, source.id, 'kept.txt', generatedText(800))
    expect((await waitForJob(server.app, finished.jobId)).status).toBe('completed')
    // Mid-embedding, the file reports how many chunks it has stored so far.
    await expect
      .poll(async () => (await fileOf(server.app, source.id, fileId)).chunks_embedded, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0)

    await cancelJob(server.app, jobId)
    await server.context.ingestion.queue.idle()
    const stored = (id: string) => passagesOf(server, id)
    expect(stored(fileId)).toBe(0)
    expect(stored(finished.fileId)).toBeGreaterThan(0)

    // The file row (and so the delete dialog's sum) counts what is stored.
    const files = await json<FileBody[]>(server.app.request(`/v1/sources/${source.id}/files`))
    const cancelled = files.find((file) => file.id === fileId)
    expect(cancelled).toMatchObject({
      processing_status: 'error',
      error_message: 'Processing was cancelled',
      chunks_embedded: 0,
    })
    for (const file of files) expect(file.chunks_embedded ?? 0).toBe(stored(file.id))

    // The passages tab lists what is stored, none of the cancelled file's.
    const listed = await json<PassageBody[]>(
      server.app.request(`/v1/sources/${source.id}/passages?limit=1000`),
    )
    expect(listed).toHaveLength(stored(finished.fileId))
    expect(listed.some((passage) => passage.file_id === fileId)).toBe(false)
    const ofCancelled = await json<PassageBody[]>(
      server.app.request(`/v1/sources/${source.id}/passages?file_id=${fileId}`),
    )
    expect(ofCancelled).toEqual([])
  })

  it('stops the built-in embedder between batches too', async () => {
    const server = createTestApp()
    const source = await createSource(server.app)
    const { jobId, fileId } = await startUpload(
      server.app,
      source.id,
      'big.txt',
      generatedText(6_000_000),
    )
    await waitUntilEmbedding(server, fileId)
    expect((await json<JobBody>(await cancelJob(server.app, jobId))).status).toBe('cancelled')
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    expect((await fileOf(server.app, source.id, fileId)).error_message).toBe(
      'Processing was cancelled',
    )
  })

  it('cancels a file still waiting in the queue at once, and lets the running one finish', async () => {
    const { server, source } = await slowProviderApp(20, { ingestConcurrency: 1 })
    const running = await startUpload(server.app, source.id, 'first.txt', generatedText(4000))
    const waiting = await startUpload(server.app, source.id, 'second.txt', generatedText(4000))
    await waitUntilEmbedding(server, running.fileId)
    expect((await jobOf(server.app, waiting.jobId)).status).toBe('pending')

    const response = await cancelJob(server.app, waiting.jobId)
    expect((await json<JobBody>(response)).status).toBe('cancelled')
    expect(await fileOf(server.app, source.id, waiting.fileId)).toMatchObject({
      processing_status: 'error',
      error_message: 'Processing was cancelled',
    })
    expect((await waitForJob(server.app, running.jobId)).status).toBe('completed')
    expect(passagesOf(server, waiting.fileId)).toBe(0)
  })

  it('deleting a file mid-ingest stops the work and leaves nothing behind', async () => {
    const { server, source, jobId, fileId } = await fileMidIngest('doomed.txt')
    const response = await server.app.request(`/v1/sources/${source.id}/files/${fileId}`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(204)
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    expect((await jobOf(server.app, jobId)).status).toBe('cancelled')
  })

  it('deleting a source mid-ingest stops its files', async () => {
    const { server, source, jobId } = await fileMidIngest('doomed.txt')
    expect(
      (await server.app.request(`/v1/sources/${source.id}`, { method: 'DELETE' })).status,
    ).toBe(200)
    await server.context.ingestion.queue.idle()
    const left = server.db.prepare('SELECT COUNT(*) AS n FROM passages').get() as { n: number }
    expect(left.n).toBe(0)
    expect((await jobOf(server.app, jobId)).status).toBe('cancelled')
  })
})

describe('ingestion in the background', () => {
  it('works on at most ingestConcurrency files at once', async () => {
    const { api, server, source } = await slowProviderApp(15, { ingestConcurrency: 2 })
    const uploads = []
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      uploads.push(await startUpload(server.app, source.id, name, generatedText(3000)))
    }
    for (const { jobId } of uploads)
      expect((await waitForJob(server.app, jobId)).status).toBe('completed')
    expect(api.maxInFlight()).toBe(2)
  })

  it('keeps the event loop answering while a large file is ingested', async () => {
    const server = createTestApp()
    const source = await createSource(server.app)
    const delay = monitorEventLoopDelay({ resolution: 5 })
    const { jobId } = await startUpload(
      server.app,
      source.id,
      'large.txt',
      generatedText(8_000_000),
    )
    delay.enable()
    let healthChecks = 0
    let slowest = 0
    const watcher = setInterval(() => {
      const started = performance.now()
      void Promise.resolve(server.app.request('/v1/health')).then(() => {
        healthChecks++
        slowest = Math.max(slowest, performance.now() - started)
      })
    }, 20)
    const job = await waitForJob(server.app, jobId, 60_000)
    clearInterval(watcher)
    delay.disable()
    expect(job.status).toBe('completed')
    expect(healthChecks).toBeGreaterThan(10)
    // Work is cut into slices of about 8 ms; a loaded machine still stays well under this.
    expect(delay.max / 1e6).toBeLessThan(300)
    expect(slowest).toBeLessThan(300)
  }, 60_000)
})
