import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { Job } from '../storage/jobs-repository.ts'
import { generatedText } from './generated-text.ts'
import { createTestApp, json } from './helpers.ts'
import { createSource, uploadJob } from './sources-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function passagesOf(server: LettaAdminApp, sourceId: string): Promise<unknown[]> {
  return json<unknown[]>(server.app.request(`/v1/sources/${sourceId}/passages?limit=1000`))
}

/** Waits until the job is embedding and has stored some passages: cancelled now, it is mid-way. */
async function waitUntilEmbedding(server: LettaAdminApp, jobId: string): Promise<Job> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const job = server.context.jobs.get(jobId)
    if (!job) throw new Error(`Job ${jobId} vanished`)
    const embedded = job.metadata.chunks_embedded
    if (job.status === 'running' && typeof embedded === 'number' && embedded > 0) return job
    if (!server.context.jobs.isActive(job)) {
      throw new Error(`Job ${jobId} finished (${job.status}) before it could be cancelled`)
    }
    if (Date.now() > deadline) throw new Error(`Job ${jobId} never started embedding`)
    await delay(5)
  }
}

async function waitUntilFinished(server: LettaAdminApp, jobId: string): Promise<Job> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const job = server.context.jobs.get(jobId)
    if (job && !server.context.jobs.isActive(job)) return job
    if (Date.now() > deadline) throw new Error(`Job ${jobId} did not finish`)
    await delay(20)
  }
}

/** A fresh server whose source `name` has a 20 MB upload, `name`.txt, part-way through embedding. */
async function uploadEmbeddingMidway(name: string) {
  const server = createTestApp()
  const sourceId = (await createSource(server.app, { name })).id
  const job = await uploadJob(server.app, sourceId, {
    name: `${name}.txt`,
    data: generatedText(20 * 1024 * 1024),
  })
  const midway = await waitUntilEmbedding(server, job.id)
  return { server, sourceId, job, midway }
}

describe('jobs of real uploads', () => {
  it('cancelling an upload mid-way stops it and leaves no passages', async () => {
    const { server, sourceId, job, midway } = await uploadEmbeddingMidway('archive')
    expect(job.metadata).toMatchObject({ source_id: sourceId, file_name: 'archive.txt' })
    expect(midway.metadata.chunks_embedded).toBeLessThan(midway.metadata.total_chunks as number)

    const response = await server.app.request(`/v1/jobs/${job.id}/cancel`, { method: 'PATCH' })
    expect(response.status).toBe(200)
    expect((await json<Job>(response)).status).toBe('cancelled')
    // The answer comes once the work has stopped and removed what it stored.
    expect(await passagesOf(server, sourceId)).toEqual([])
    await delay(300)
    expect(await passagesOf(server, sourceId)).toEqual([])
    expect(server.context.jobs.get(job.id)?.status).toBe('cancelled')

    const again = await server.app.request(`/v1/jobs/${job.id}/cancel`, { method: 'PATCH' })
    expect(again.status).toBe(409)
    expect((await json<{ detail: string }>(again)).detail).toBe(
      `Job ${job.id} already cancelled; only created, pending or running jobs can be cancelled`,
    )
  })

  it('deleting a running upload job stops it, removes its passages and the job', async () => {
    const { server, sourceId, job } = await uploadEmbeddingMidway('handbook')

    const response = await server.app.request(`/v1/jobs/${job.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    const last = await json<Job>(response)
    expect(last).toMatchObject({ id: job.id, status: 'cancelled' })
    expect(await passagesOf(server, sourceId)).toEqual([])
    expect((await server.app.request(`/v1/jobs/${job.id}`)).status).toBe(404)
    expect(server.context.jobs.isRunning(job.id)).toBe(false)
  })

  it('lists upload jobs by source and shows their results when done', async () => {
    const server = createTestApp()
    const first = (await createSource(server.app, { name: 'first' })).id
    const second = (await createSource(server.app, { name: 'second' })).id
    const one = await uploadJob(server.app, first, { name: 'one.txt', data: generatedText(3_000) })
    const two = await uploadJob(server.app, second, { name: 'two.txt', data: generatedText(3_000) })

    const ofFirst = await json<Job[]>(server.app.request(`/v1/jobs?source_id=${first}`))
    expect(ofFirst.map((job) => job.id)).toEqual([one.id])
    const finished = await waitUntilFinished(server, two.id)
    expect(finished).toMatchObject({ status: 'completed', completed_at: expect.any(String) })
    expect(finished.metadata).toMatchObject({
      source_id: second,
      file_name: 'two.txt',
      num_passages: expect.any(Number),
    })
    expect(finished.metadata.chunks_embedded).toBe(finished.metadata.total_chunks)
  })

  it('POSTs a finished upload job to its callback_url once', async () => {
    const received: Job[] = []
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Job)
        response.writeHead(200).end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => receiver.close(() => resolve())))
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/done`

    const server = createTestApp()
    const sourceId = (await createSource(server.app, { name: 'hooked' })).id
    const job = await uploadJob(
      server.app,
      sourceId,
      { name: 'hooked.txt', data: generatedText(5_000) },
      `callback_url=${encodeURIComponent(hook)}`,
    )
    expect(job.callback_url).toBe(hook)
    await waitUntilFinished(server, job.id)
    const deadline = Date.now() + 10_000
    while (!server.context.jobs.get(job.id)?.callback_sent_at && Date.now() < deadline) {
      await delay(20)
    }
    await delay(200)
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ id: job.id, status: 'completed', callback_url: hook })
    expect(server.context.jobs.get(job.id)).toMatchObject({
      callback_status_code: 200,
      callback_error: null,
    })
  })
})
