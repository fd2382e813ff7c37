import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { createTestApp, json } from './helpers.ts'
import {
  createSource,
  fakeEmbeddingsApi,
  generatedText,
  upload,
  vectorsFor,
  waitForJob,
  type FileBody,
  type JobBody,
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
  const response = await upload(app, sourceId, { name, data })
  expect(response.status).toBe(200)
  const job = await json<JobBody>(response)
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

describe('cancelling ingestion', () => {
  it('stops a file mid-embedding, removes its passages and marks it cancelled', async () => {
    const { server, source } = await slowProviderApp(30)
    const { jobId, fileId } = await startUpload(
      server.app,
      source.id,
      'long.txt',
      generatedText(20_000),
    )
    await waitUntilEmbedding(server, fileId)

    const response = await server.app.request(`/v1/jobs/${jobId}/cancel`, { method: 'PATCH' })
    expect(response.status).toBe(200)
    expect((await json<JobBody>(response)).status).toBe('cancelled')
    const file = await json<FileBody>(
      server.app.request(`/v1/sources/${source.id}/files/${fileId}`),
    )
    expect(file).toMatchObject({
      processing_status: 'error',
      error_message: 'Processing was cancelled',
    })
    expect(passagesOf(server, fileId)).toBe(0)
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    expect(server.context.jobs.isRunning(jobId)).toBe(false)
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
    const response = await server.app.request(`/v1/jobs/${jobId}/cancel`, { method: 'PATCH' })
    expect((await json<JobBody>(response)).status).toBe('cancelled')
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    const file = await json<FileBody>(
      server.app.request(`/v1/sources/${source.id}/files/${fileId}`),
    )
    expect(file.error_message).toBe('Processing was cancelled')
  })

  it('cancels a file still waiting in the queue at once, and lets the running one finish', async () => {
    const { server, source } = await slowProviderApp(20, { ingestConcurrency: 1 })
    const running = await startUpload(server.app, source.id, 'first.txt', generatedText(4000))
    const waiting = await startUpload(server.app, source.id, 'second.txt', generatedText(4000))
    await waitUntilEmbedding(server, running.fileId)
    expect((await json<JobBody>(server.app.request(`/v1/jobs/${waiting.jobId}`))).status).toBe(
      'pending',
    )

    const response = await server.app.request(`/v1/jobs/${waiting.jobId}/cancel`, {
      method: 'PATCH',
    })
    expect((await json<JobBody>(response)).status).toBe('cancelled')
    const cancelled = await json<FileBody>(
      server.app.request(`/v1/sources/${source.id}/files/${waiting.fileId}`),
    )
    expect(cancelled).toMatchObject({
      processing_status: 'error',
      error_message: 'Processing was cancelled',
    })
    expect((await waitForJob(server.app, running.jobId)).status).toBe('completed')
    expect(passagesOf(server, waiting.fileId)).toBe(0)
  })

  it('deleting a file mid-ingest stops the work and leaves nothing behind', async () => {
    const { server, source } = await slowProviderApp(30)
    const { jobId, fileId } = await startUpload(
      server.app,
      source.id,
      'doomed.txt',
      generatedText(20_000),
    )
    await waitUntilEmbedding(server, fileId)
    const response = await server.app.request(`/v1/sources/${source.id}/files/${fileId}`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(204)
    await server.context.ingestion.queue.idle()
    expect(passagesOf(server, fileId)).toBe(0)
    expect((await json<JobBody>(server.app.request(`/v1/jobs/${jobId}`))).status).toBe('cancelled')
  })

  it('deleting a source mid-ingest stops its files', async () => {
    const { server, source } = await slowProviderApp(30)
    const { jobId, fileId } = await startUpload(
      server.app,
      source.id,
      'doomed.txt',
      generatedText(20_000),
    )
    await waitUntilEmbedding(server, fileId)
    expect(
      (await server.app.request(`/v1/sources/${source.id}`, { method: 'DELETE' })).status,
    ).toBe(200)
    await server.context.ingestion.queue.idle()
    const left = server.db.prepare('SELECT COUNT(*) AS n FROM passages').get() as { n: number }
    expect(left.n).toBe(0)
    expect((await json<JobBody>(server.app.request(`/v1/jobs/${jobId}`))).status).toBe('cancelled')
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
