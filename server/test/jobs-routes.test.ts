import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'

import type { JobService } from '../services/jobs.ts'
import type { Job } from '../storage/jobs-repository.ts'
import { createTestApp, json, listen } from './helpers.ts'

type Detail = { detail: string }

/** Work that produces results until cancelled, then takes a while to remove them, as ingestion does. */
function simulateWork(jobs: JobService, id: string, cleanupMs = 100) {
  const signal = jobs.start(id)
  const results: number[] = []
  const finished = (async () => {
    while (!signal.aborted) {
      results.push(results.length)
      jobs.progress(id, { chunks_embedded: results.length, total_chunks: 1000 })
      await delay(5)
    }
    await delay(cleanupMs)
    results.length = 0
    jobs.release(id)
  })()
  return { signal, results, finished }
}

function seedJobs(jobs: JobService, count: number): Job[] {
  return Array.from({ length: count }, () => jobs.create({}))
}

const ids = (list: Job[]) => list.map((job) => job.id)

describe('GET /v1/jobs', () => {
  it('lists newest first and filters by source, status, job type and active', async () => {
    const { app, context } = createTestApp()
    const { jobs } = context
    const upload = jobs.create({ source_id: 'source-a', file_id: 'file-1' })
    const other = jobs.create({ source_id: 'source-b' })
    const batch = jobs.create({ job_type: 'batch' })
    const done = jobs.create({ source_id: 'source-a' })
    jobs.start(done.id)
    jobs.complete(done.id)
    jobs.start(other.id)

    const all = await json<Job[]>(app.request('/v1/jobs'))
    expect(ids(all)).toEqual([done.id, batch.id, other.id, upload.id])

    const bySource = await json<Job[]>(app.request('/v1/jobs?source_id=source-a'))
    expect(ids(bySource)).toEqual([done.id, upload.id])

    const running = await json<Job[]>(app.request('/v1/jobs?status=running'))
    expect(ids(running)).toEqual([other.id])
    const commaList = await json<Job[]>(app.request('/v1/jobs?status=running,completed'))
    expect(ids(commaList)).toEqual([done.id, other.id])
    const repeated = await json<Job[]>(app.request('/v1/jobs?status=running&status=completed'))
    expect(ids(repeated)).toEqual([done.id, other.id])

    const batches = await json<Job[]>(app.request('/v1/jobs?job_type=batch'))
    expect(ids(batches)).toEqual([batch.id])

    const active = await json<Job[]>(app.request('/v1/jobs?active=true'))
    expect(ids(active)).toEqual([batch.id, other.id, upload.id])
    const activeOfSource = await json<Job[]>(app.request('/v1/jobs?active=true&source_id=source-a'))
    expect(ids(activeOfSource)).toEqual([upload.id])
    const notActive = await json<Job[]>(app.request('/v1/jobs?active=false'))
    expect(notActive).toHaveLength(4)
  })

  it('returns every field of a job, with progress and results in its metadata', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({
      metadata: { source_id: 'source-a', file_name: 'report.pdf' },
      callback_url: 'http://127.0.0.1:9/hook',
    })
    context.jobs.start(job.id)
    context.jobs.progress(job.id, { chunks_embedded: 3, total_chunks: 4 })
    context.jobs.complete(job.id, { num_passages: 4 })
    const [listed] = await json<Job[]>(app.request('/v1/jobs'))
    expect(listed).toEqual({
      id: job.id,
      status: 'completed',
      job_type: 'job',
      created_at: expect.any(String),
      updated_at: expect.any(String),
      completed_at: expect.any(String),
      stop_reason: null,
      metadata: {
        source_id: 'source-a',
        file_name: 'report.pdf',
        started_at: expect.any(String),
        chunks_embedded: 3,
        total_chunks: 4,
        num_passages: 4,
      },
      callback_url: 'http://127.0.0.1:9/hook',
      callback_sent_at: null,
      callback_status_code: null,
      callback_error: null,
      created_by_id: expect.stringMatching(/^user-/),
      last_updated_by_id: expect.stringMatching(/^user-/),
      user_id: expect.stringMatching(/^user-/),
    })
    expect(Date.parse(listed?.completed_at ?? '')).not.toBeNaN()
  })

  it('reads after as newer and before as older, in both orders', async () => {
    const { app, context } = createTestApp()
    const [j0, j1, j2, j3, j4] = ids(seedJobs(context.jobs, 5))
    const page = async (query: string) => ids(await json<Job[]>(app.request(`/v1/jobs?${query}`)))

    expect(await page(`after=${j1}`)).toEqual([j4, j3, j2])
    expect(await page(`after=${j1}&order=asc`)).toEqual([j2, j3, j4])
    expect(await page(`before=${j3}`)).toEqual([j2, j1, j0])
    expect(await page(`before=${j3}&order=asc`)).toEqual([j0, j1, j2])
    expect(await page(`after=${j0}&before=${j4}&order=asc`)).toEqual([j1, j2, j3])
    // Paging newest first: the next page is the jobs older than the last one shown.
    expect(await page('limit=2')).toEqual([j4, j3])
    expect(await page(`limit=2&before=${j3}`)).toEqual([j2, j1])
    expect(await page(`limit=2&before=${j1}`)).toEqual([j0])
    // Older clients' `ascending` flag, which `order` overrides.
    expect(await page('ascending=true&limit=2')).toEqual([j0, j1])
    expect(await page('ascending=true&order=desc&limit=2')).toEqual([j4, j3])
  })

  it('answers malformed filters with a readable 4xx detail', async () => {
    const { app, context } = createTestApp()
    context.jobs.create({})
    const cases: [string, number, RegExp][] = [
      ['status=bogus', 422, /query\.status.*expected one of/],
      ['status=running,nope', 422, /query\.status/],
      ['job_type=agent', 422, /query\.job_type/],
      ['limit=0', 422, /query\.limit/],
      ['limit=ten', 422, /query\.limit/],
      ['limit=5000', 422, /query\.limit/],
      ['order=sideways', 422, /query\.order/],
      ['after=job-00000000-0000-4000-8000-000000000000', 400, /does not name an item/],
      ['before=job-unknown', 400, /does not name an item/],
    ]
    const requests = [
      ...cases.flatMap(([query, status, detail]) =>
        ['/v1/jobs', '/v1/jobs/active'].map(
          (path) => [`${path}?${query}`, status, detail] as const,
        ),
      ),
      ['/v1/jobs?active=maybe', 422, /query\.active/] as const,
    ]
    for (const [url, status, detail] of requests) {
      const response = await app.request(url)
      expect(response.status, url).toBe(status)
      expect((await json<Detail>(response)).detail, url).toMatch(detail)
    }
  })

  it('serves the trailing-slash forms', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({})
    for (const path of ['/v1/jobs/', '/v1/jobs/active/', `/v1/jobs/${job.id}/`]) {
      expect((await app.request(path)).status, path).toBe(200)
    }
    const cancelled = await app.request(`/v1/jobs/${job.id}/cancel/`, { method: 'PATCH' })
    expect(cancelled.status).toBe(200)
    expect((await app.request(`/v1/jobs/${job.id}/`, { method: 'DELETE' })).status).toBe(200)
  })
})

describe('GET /v1/jobs/active', () => {
  it('lists only unfinished jobs, with the same filters and paging', async () => {
    const { app, context } = createTestApp()
    const { jobs } = context
    const created = jobs.create({ source_id: 'source-a' })
    const pending = jobs.create({ status: 'pending', source_id: 'source-b' })
    const running = jobs.create({ source_id: 'source-a' })
    jobs.start(running.id)
    const failed = jobs.create({ source_id: 'source-a' })
    jobs.start(failed.id)
    jobs.fail(failed.id, 'Unreadable PDF')
    const cancelled = jobs.create({})
    jobs.cancel(cancelled.id)

    const active = await json<Job[]>(app.request('/v1/jobs/active'))
    expect(ids(active)).toEqual([running.id, pending.id, created.id])
    expect(new Set(active.map((job) => job.status))).toEqual(
      new Set(['created', 'pending', 'running']),
    )
    const ofSource = await json<Job[]>(app.request('/v1/jobs/active?source_id=source-a'))
    expect(ids(ofSource)).toEqual([running.id, created.id])
    const onlyRunning = await json<Job[]>(app.request('/v1/jobs/active?status=running,failed'))
    expect(ids(onlyRunning)).toEqual([running.id])
    const older = await json<Job[]>(app.request(`/v1/jobs/active?before=${running.id}&limit=1`))
    expect(ids(older)).toEqual([pending.id])
  })

  it('is empty when nothing runs', async () => {
    const { app } = createTestApp()
    expect(await json(app.request('/v1/jobs/active'))).toEqual([])
  })
})

describe('GET /v1/jobs/{job_id}', () => {
  it('returns the job, or 404 with a detail for an unknown id', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({ metadata: { file_name: 'notes.md' } })
    const found = await json<Job>(app.request(`/v1/jobs/${job.id}`))
    expect(found.id).toBe(job.id)
    expect(found.metadata).toEqual({ file_name: 'notes.md' })

    const unknown = 'job-00000000-0000-4000-8000-000000000000'
    for (const [method, path] of [
      ['GET', `/v1/jobs/${unknown}`],
      ['DELETE', `/v1/jobs/${unknown}`],
      ['PATCH', `/v1/jobs/${unknown}/cancel`],
    ] as const) {
      const response = await app.request(path, { method })
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(await json(response)).toEqual({ detail: `Job ${unknown} not found` })
    }
  })
})

describe('PATCH /v1/jobs/{job_id}/cancel', () => {
  it('stops a running job and answers once its partial work is removed', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({ source_id: 'source-a' })
    const work = simulateWork(context.jobs, job.id)
    await delay(30)
    expect(work.results.length).toBeGreaterThan(0)

    const response = await app.request(`/v1/jobs/${job.id}/cancel`, { method: 'PATCH' })
    expect(response.status).toBe(200)
    const cancelled = await json<Job>(response)
    expect(cancelled).toMatchObject({ id: job.id, status: 'cancelled', stop_reason: 'cancelled' })
    expect(cancelled.completed_at).not.toBeNull()
    expect(work.signal.aborted).toBe(true)
    expect(work.results).toEqual([])
    await work.finished
    expect((await json<Job>(app.request(`/v1/jobs/${job.id}`))).status).toBe('cancelled')
  })

  it('cancels a job that is still waiting, which can then never start', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({ status: 'pending' })
    const response = await app.request(`/v1/jobs/${job.id}/cancel`, { method: 'PATCH' })
    expect((await json<Job>(response)).status).toBe('cancelled')
    expect(context.jobs.start(job.id).aborted).toBe(true)
    expect(context.jobs.get(job.id)?.status).toBe('cancelled')
  })

  it('refuses to cancel a finished job with a clear 409', async () => {
    const { app, context } = createTestApp()
    const { jobs } = context
    const completed = jobs.create({})
    jobs.start(completed.id)
    jobs.complete(completed.id)
    const failed = jobs.create({})
    jobs.start(failed.id)
    jobs.fail(failed.id, 'boom')
    for (const job of [completed, failed]) {
      const response = await app.request(`/v1/jobs/${job.id}/cancel`, { method: 'PATCH' })
      expect(response.status).toBe(409)
      const state = job === completed ? 'completed' : 'failed'
      expect(await json(response)).toEqual({
        detail: `Job ${job.id} already ${state}; only created, pending or running jobs can be cancelled`,
      })
    }
    expect(jobs.get(completed.id)?.status).toBe('completed')
  })
})

describe('DELETE /v1/jobs/{job_id}', () => {
  it('stops a running job, waits for its partial work to go, deletes it and returns its last state', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({ source_id: 'source-a' })
    const work = simulateWork(context.jobs, job.id, 150)
    await delay(30)

    const response = await app.request(`/v1/jobs/${job.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    const last = await json<Job>(response)
    expect(last).toMatchObject({ id: job.id, status: 'cancelled' })
    expect(last.metadata.chunks_embedded).toBeGreaterThan(0)
    expect(work.signal.aborted).toBe(true)
    expect(work.results).toEqual([])
    expect(context.jobs.isRunning(job.id)).toBe(false)
    expect((await app.request(`/v1/jobs/${job.id}`)).status).toBe(404)
    expect(ids(await json<Job[]>(app.request('/v1/jobs')))).not.toContain(job.id)
  })

  it('deletes a finished job as it is', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({})
    context.jobs.start(job.id)
    context.jobs.complete(job.id, { num_passages: 2 })
    const last = await json<Job>(app.request(`/v1/jobs/${job.id}`, { method: 'DELETE' }))
    expect(last).toMatchObject({ status: 'completed', metadata: { num_passages: 2 } })
    expect((await app.request(`/v1/jobs/${job.id}`, { method: 'DELETE' })).status).toBe(404)
  })

  it('works over real HTTP', async () => {
    const server = createTestApp()
    const job = server.context.jobs.create({})
    const { url, close } = await listen(server)
    try {
      const response = await fetch(`${url}/v1/jobs/${job.id}/`, { method: 'DELETE' })
      expect(response.status).toBe(200)
      expect((await fetch(`${url}/v1/jobs/${job.id}`)).status).toBe(404)
    } finally {
      await close()
    }
  })
})

describe('JobService.whenReleased', () => {
  it('resolves at once for work that is not running, and false on timeout for work that never lets go', async () => {
    const { context } = createTestApp()
    const { jobs } = context
    const idle = jobs.create({})
    expect(await jobs.whenReleased(idle.id, 10)).toBe(true)
    const stuck = jobs.create({})
    jobs.start(stuck.id)
    jobs.cancel(stuck.id)
    expect(await jobs.whenReleased(stuck.id, 20)).toBe(false)
    const released = jobs.whenReleased(stuck.id, 1000)
    jobs.release(stuck.id)
    expect(await released).toBe(true)
  })
})

describe('job start time', () => {
  it('records when a job started running in its metadata', async () => {
    const { app, context } = createTestApp()
    const job = context.jobs.create({ metadata: { type: 'probe' } })
    expect(job.metadata).not.toHaveProperty('started_at')
    context.jobs.start(job.id)
    const running = await json<{ status: string; metadata: Record<string, unknown> }>(
      app.request(`/v1/jobs/${job.id}`),
    )
    expect(running.status).toBe('running')
    expect(Date.parse(String(running.metadata.started_at))).not.toBeNaN()
    expect(running.metadata.type).toBe('probe')
  })
})
