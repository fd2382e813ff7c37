import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'

import { createApp } from '../app.ts'
import { defaultAppConfig } from '../config.ts'
import { CallbackSender, callbackUrlProblem } from '../services/callbacks.ts'
import { JobService } from '../services/jobs.ts'
import { openDatabase } from '../storage/db.ts'
import { JobsRepository, type Job } from '../storage/jobs-repository.ts'
import { createTestApp, json } from './helpers.ts'

interface Received {
  method: string
  contentType: string | undefined
  body: Job
}

interface Receiver {
  url: string
  received: Received[]
  close: () => Promise<void>
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A callback endpoint on a free loopback port that records what it is sent. */
async function startReceiver(
  answer: (response: ServerResponse, request: IncomingMessage) => void = (response) =>
    response.writeHead(204).end(),
): Promise<Receiver> {
  const received: Received[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        contentType: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Job,
      })
      answer(response, request)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  cleanups.push(close)
  return { url: `http://127.0.0.1:${port}/hooks/job`, received, close }
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
async function deadUrl(): Promise<string> {
  const receiver = await startReceiver()
  await receiver.close()
  return receiver.url
}

async function waitFor<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('Timed out waiting')
    await delay(20)
  }
}

/** A job service with its own callback sender, with short timeouts so failures are quick to test. */
function fastSender(options: { timeoutMs?: number; retryDelayMs?: number } = {}) {
  const db = openDatabase(':memory:')
  const jobs = new JobService(new JobsRepository(db))
  const sender = new CallbackSender(jobs, { timeoutMs: 300, retryDelayMs: 50, ...options })
  sender.start()
  cleanups.push(async () => {
    await sender.close()
    db.close()
  })
  return { jobs, sender }
}

describe('job callbacks through the app', () => {
  it('POST the finished job, once, to a loopback receiver and record the answer', async () => {
    const { app, context } = createTestApp()
    const receiver = await startReceiver()
    const job = context.jobs.create({
      callback_url: receiver.url,
      metadata: { file_name: 'report.pdf' },
    })
    context.jobs.start(job.id)
    const completed = context.jobs.complete(job.id, { num_passages: 7 })
    // Completion does not wait for the callback.
    expect(completed?.status).toBe('completed')
    expect(completed?.callback_sent_at).toBeNull()

    const recorded = await waitFor(() => {
      const current = context.jobs.get(job.id)
      return current?.callback_sent_at ? current : undefined
    })
    // A second completion attempt and a little time must not send it again.
    context.jobs.complete(job.id)
    await delay(200)

    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(delivery?.method).toBe('POST')
    expect(delivery?.contentType).toBe('application/json')
    const shown = await json<Job>(app.request(`/v1/jobs/${job.id}`))
    expect(delivery?.body).toEqual({
      ...shown,
      updated_at: completed?.updated_at,
      callback_sent_at: null,
      callback_status_code: null,
      callback_error: null,
    })
    expect(delivery?.body).toMatchObject({
      id: job.id,
      status: 'completed',
      metadata: { file_name: 'report.pdf', num_passages: 7 },
    })
    expect(recorded).toMatchObject({ callback_status_code: 204, callback_error: null })
    expect(shown).toMatchObject({ callback_status_code: 204, callback_error: null })
    expect(Date.parse(shown.callback_sent_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(shown.completed_at ?? ''),
    )
  })

  it('records the error of a dead callback URL and the job still completes', async () => {
    const { app, context } = createTestApp()
    const url = await deadUrl()
    const job = context.jobs.create({ callback_url: url })
    context.jobs.start(job.id)
    context.jobs.complete(job.id)
    const recorded = await waitFor(() => {
      const current = context.jobs.get(job.id)
      return current?.callback_sent_at ? current : undefined
    })
    expect(recorded.status).toBe('completed')
    expect(recorded.callback_status_code).toBeNull()
    expect(recorded.callback_error).toMatch(
      new RegExp(`^Callback to ${url} failed: .*ECONNREFUSED`),
    )
    const shown = await json<Job>(app.request(`/v1/jobs/${job.id}`))
    expect(shown).toMatchObject({ status: 'completed', callback_error: recorded.callback_error })
  })

  it('records the status code of a receiver that answers 500, after one retry', async () => {
    const { context } = createTestApp()
    const receiver = await startReceiver((response) => response.writeHead(500).end('oops'))
    const job = context.jobs.create({ callback_url: receiver.url })
    context.jobs.start(job.id)
    context.jobs.fail(job.id, 'Unreadable file')
    const recorded = await waitFor(() => {
      const current = context.jobs.get(job.id)
      return current?.callback_sent_at ? current : undefined
    })
    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[0]?.body).toMatchObject({
      status: 'failed',
      metadata: { error: 'Unreadable file' },
    })
    expect(recorded).toMatchObject({
      status: 'failed',
      callback_status_code: 500,
      callback_error: `Callback to ${receiver.url} answered HTTP 500`,
    })
  })
})

describe('CallbackSender', () => {
  it('sends cancelled jobs too, and never jobs without a callback_url', async () => {
    const { jobs, sender } = fastSender()
    const receiver = await startReceiver()
    const quiet = jobs.create({})
    jobs.start(quiet.id)
    jobs.complete(quiet.id)
    const cancelled = jobs.create({ callback_url: receiver.url })
    jobs.start(cancelled.id)
    jobs.cancel(cancelled.id)
    await sender.idle()
    expect(receiver.received.map((delivery) => delivery.body.id)).toEqual([cancelled.id])
    expect(receiver.received[0]?.body.status).toBe('cancelled')
    expect(jobs.get(quiet.id)?.callback_sent_at).toBeNull()
  })

  it('retries once after a failure and records the retry that worked', async () => {
    const { jobs, sender } = fastSender()
    let calls = 0
    const receiver = await startReceiver((response) => {
      calls += 1
      response.writeHead(calls === 1 ? 503 : 200).end()
    })
    const job = jobs.create({ callback_url: receiver.url })
    jobs.start(job.id)
    jobs.complete(job.id)
    await sender.idle()
    expect(receiver.received).toHaveLength(2)
    expect(jobs.get(job.id)).toMatchObject({ callback_status_code: 200, callback_error: null })
  })

  it('does not retry a 4xx answer', async () => {
    const { jobs, sender } = fastSender()
    const receiver = await startReceiver((response) => response.writeHead(404).end())
    const job = jobs.create({ callback_url: receiver.url })
    jobs.start(job.id)
    jobs.complete(job.id)
    await sender.idle()
    expect(receiver.received).toHaveLength(1)
    expect(jobs.get(job.id)).toMatchObject({ callback_status_code: 404 })
  })

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const { jobs, sender } = fastSender({ timeoutMs: 150 })
    const receiver = await startReceiver(() => undefined)
    const job = jobs.create({ callback_url: receiver.url })
    jobs.start(job.id)
    const started = Date.now()
    jobs.complete(job.id)
    await sender.idle()
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(receiver.received).toHaveLength(2)
    expect(jobs.get(job.id)).toMatchObject({
      status: 'completed',
      callback_status_code: null,
      callback_error: `Callback to ${receiver.url} failed: no answer within 0.15 s`,
    })
  })

  it('refuses URLs that are not http or https, without sending', async () => {
    const { jobs, sender } = fastSender()
    const job = jobs.create({ callback_url: 'file:///etc/passwd' })
    jobs.start(job.id)
    jobs.complete(job.id)
    await sender.idle()
    expect(jobs.get(job.id)).toMatchObject({
      callback_status_code: null,
      callback_error: 'Callback URL "file:///etc/passwd" must use http or https',
    })
    expect(callbackUrlProblem('not a url')).toBe('Callback URL "not a url" is not a valid URL')
    expect(callbackUrlProblem('https://example.test/hook')).toBeUndefined()
  })

  it('aborts callbacks in flight on close and records why', async () => {
    const { jobs, sender } = fastSender({ timeoutMs: 60_000 })
    const receiver = await startReceiver(() => undefined)
    const job = jobs.create({ callback_url: receiver.url })
    jobs.start(job.id)
    jobs.complete(job.id)
    await waitFor(() => (receiver.received.length ? true : undefined))
    const started = Date.now()
    await sender.close()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(jobs.get(job.id)).toMatchObject({
      callback_error: 'The server shut down before the callback was delivered',
    })
    // Jobs that finish after close are left alone.
    const later = jobs.create({ callback_url: receiver.url })
    jobs.start(later.id)
    jobs.complete(later.id)
    await sender.idle()
    expect(receiver.received).toHaveLength(1)
  })
})

describe('callbacks across a restart', () => {
  it('sends, at the next start, a callback the stopped process never recorded as sent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-callback-restart-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const receiver = await startReceiver()
    // A finished job whose callback was cut off: written as the process left it.
    const before = createApp(defaultAppConfig({ dataDir }))
    const job = before.context.jobs.repository.create({ callback_url: receiver.url })
    before.context.jobs.repository.update(job.id, {
      status: 'completed',
      completed_at: job.created_at,
    })
    const sent = before.context.jobs.repository.create({ callback_url: receiver.url })
    before.context.jobs.repository.update(sent.id, {
      status: 'completed',
      completed_at: sent.created_at,
      callback_sent_at: sent.created_at,
      callback_status_code: 204,
      callback_error: null,
    })
    await before.close()

    const after = createApp(defaultAppConfig({ dataDir }))
    cleanups.push(() => after.close())
    const recorded = await waitFor(() => {
      const current = after.context.jobs.get(job.id)
      return current?.callback_sent_at ? current : undefined
    })
    await delay(200)
    expect(receiver.received.map((delivery) => delivery.body.id)).toEqual([job.id])
    expect(recorded.callback_status_code).toBe(204)
  })
})
