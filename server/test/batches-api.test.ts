import { afterEach, describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { Job } from '../storage/jobs-repository.ts'
import { createAgent, expectDetail, send, serverWithProvider } from './agents-helpers.ts'
import { createTestApp, json } from './helpers.ts'
import { listenOnLoopback, type Listening } from './loopback.ts'

interface BatchItem {
  id: string
  agent_id: string
  status: string
  run_id: string | null
  error: string | null
}

interface BatchMessage {
  id: string
  agent_id: string
  role: string
  batch_item_id: string
  content: { type: string; text?: string }[]
  [field: string]: unknown
}

const MESSAGE_FIELDS = [
  'id',
  'agent_id',
  'model',
  'role',
  'content',
  'name',
  'tool_calls',
  'tool_call_id',
  'step_id',
  'run_id',
  'otid',
  'tool_returns',
  'group_id',
  'sender_id',
  'batch_item_id',
  'created_at',
  'updated_at',
  'created_by_id',
  'last_updated_by_id',
]

const listeners: Listening[] = []
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()))
})

const userMessage = (text: string) => ({ messages: [{ role: 'user', content: text }] })

async function createBatch(server: LettaAdminApp, body: unknown): Promise<Job> {
  const response = await send(server, 'POST', '/v1/messages/batches', body)
  const job = await json<Job>(response)
  expect(response.status, JSON.stringify(job)).toBe(200)
  return job
}

async function waitForBatch(server: LettaAdminApp, id: string): Promise<Job> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const job = await json<Job>(server.app.request(`/v1/messages/batches/${id}`))
    if (!['created', 'pending', 'running'].includes(job.status)) return job
    if (Date.now() > deadline) throw new Error(`Batch ${id} is still ${job.status}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const itemsOf = async (server: LettaAdminApp, id: string) =>
  (await json<{ items: BatchItem[] }>(server.app.request(`/v1/messages/batches/${id}/items`))).items

describe('message batches', () => {
  it('runs each request through its agent; an unknown agent fails alone; messages at both paths', async () => {
    const { server, provider } = await serverWithProvider()
    const received: unknown[] = []
    const callback = await listenOnLoopback(async (request) => {
      received.push(await request.json())
      return new Response('ok')
    })
    listeners.push(callback)
    const first = await createAgent(server, { name: 'first' })
    const second = await createAgent(server, { name: 'second' })
    const created = await createBatch(server, {
      requests: [
        { agent_id: first.id, ...userMessage('hello first') },
        { agent_id: 'agent-00000000-0000-4000-8000-000000000000', ...userMessage('anyone?') },
        { agent_id: second.id, ...userMessage('hello second') },
      ],
      callback_url: `${callback.url}/done`,
    })
    expect(created).toMatchObject({ job_type: 'batch', id: expect.stringMatching(/^job-/) })

    const finished = await waitForBatch(server, created.id)
    expect(finished.status).toBe('completed')
    expect(finished.metadata).toMatchObject({ completed_count: 2, failed_count: 1 })

    const items = await itemsOf(server, created.id)
    expect(items.map((item) => [item.agent_id, item.status])).toEqual([
      [first.id, 'completed'],
      ['agent-00000000-0000-4000-8000-000000000000', 'failed'],
      [second.id, 'completed'],
    ])
    expect(items[1]?.error).toMatch(/Agent agent-0+-0000-4000-8000-0+ not found/)
    expect(items[1]?.run_id).toBeNull()
    expect(items[0]?.run_id).toMatch(/^run-/)
    expect(provider.requests).toHaveLength(2)

    // Both message paths give every field of the user's document, tied to item and agent.
    const upstream = await json<{ messages: BatchMessage[] }>(
      server.app.request(`/v1/messages/batches/${created.id}/messages?order=asc`),
    )
    const users = await json<{ messages: BatchMessage[] }>(
      server.app.request(`/v1/batch-runs/${created.id}/messages`),
    )
    expect(users.messages).toEqual(upstream.messages)
    expect(users.messages).toHaveLength(4)
    for (const message of users.messages) {
      for (const field of MESSAGE_FIELDS) expect(message).toHaveProperty(field)
    }
    const firstItem = items[0]?.id
    expect(
      users.messages.filter((m) => m.batch_item_id === firstItem).map((m) => [m.agent_id, m.role]),
    ).toEqual([
      [first.id, 'user'],
      [first.id, 'assistant'],
    ])
    expect(users.messages[0]?.content[0]).toEqual({ type: 'text', text: 'hello first' })

    // Filters, order and cursors.
    const onlySecond = await json<{ messages: BatchMessage[] }>(
      server.app.request(`/v1/messages/batches/${created.id}/messages?agent_id=${second.id}`),
    )
    expect(onlySecond.messages.map((m) => m.agent_id)).toEqual([second.id, second.id])
    const newestFirst = await json<{ messages: BatchMessage[] }>(
      server.app.request(`/v1/batch-runs/${created.id}/messages?sort_descending=true&limit=3`),
    )
    expect(newestFirst.messages.map((m) => m.id)).toEqual(
      [...users.messages]
        .reverse()
        .slice(0, 3)
        .map((m) => m.id),
    )
    const nextPage = await json<{ messages: BatchMessage[] }>(
      server.app.request(
        `/v1/batch-runs/${created.id}/messages?limit=2&cursor=${users.messages[1]?.id}`,
      ),
    )
    expect(nextPage.messages.map((m) => m.id)).toEqual(users.messages.slice(2).map((m) => m.id))

    // Among jobs, with job_type batch; and its callback was sent.
    const jobs = await json<Job[]>(server.app.request('/v1/jobs?job_type=batch'))
    expect(jobs.map((job) => job.id)).toEqual([created.id])
    const listed = await json<Job[]>(server.app.request('/v1/messages/batches'))
    expect(listed.map((job) => job.id)).toEqual([created.id])
    await expect.poll(() => received.length).toBe(1)
    expect(received[0]).toMatchObject({ id: created.id, status: 'completed' })
  })

  it('fails the batch when every request fails, each with its reason', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, { name: 'flaky' })
    provider.enqueue({ kind: 'http-error', status: 400, body: { error: { message: 'bad model' } } })
    const created = await createBatch(server, {
      requests: [
        { agent_id: 'agent-missing', ...userMessage('x') },
        { agent_id: agent.id, ...userMessage('y') },
      ],
    })
    const finished = await waitForBatch(server, created.id)
    expect(finished.status).toBe('failed')
    expect(finished.metadata).toMatchObject({ error: 'All 2 requests failed' })
    const items = await itemsOf(server, created.id)
    expect(items.map((item) => item.status)).toEqual(['failed', 'failed'])
    expect(items[1]?.error).toBeTruthy()
  })

  it('cancelling stops the items not yet run', async () => {
    const { server, provider } = await serverWithProvider()
    const agents = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((name) => createAgent(server, { name })),
    )
    provider.enqueue(
      ...agents.map(() => ({ kind: 'answer' as const, content: 'slow', delayMs: 400 })),
    )
    const created = await createBatch(server, {
      requests: agents.map((agent) => ({ agent_id: agent.id, ...userMessage('wait') })),
    })
    await expect
      .poll(async () => (await itemsOf(server, created.id)).some((i) => i.status === 'running'))
      .toBe(true)
    const cancelled = await send(server, 'PATCH', `/v1/messages/batches/${created.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect((await json<Job>(cancelled)).status).toBe('cancelled')
    const finished = await waitForBatch(server, created.id)
    expect(finished.status).toBe('cancelled')
    const items = await itemsOf(server, created.id)
    expect(items.map((item) => item.status)).toEqual(Array(5).fill('cancelled'))
    const neverRun = items.filter((item) => item.run_id === null)
    expect(neverRun.length).toBeGreaterThanOrEqual(2)
    expect(provider.requests.length).toBeLessThanOrEqual(3)
    // Cancelling again answers the finished batch as it is.
    const again = await send(server, 'PATCH', `/v1/messages/batches/${created.id}/cancel`)
    expect((await json<Job>(again)).status).toBe('cancelled')
  })

  it('refuses bad input with 4xx and names the unknown batch', async () => {
    const server = createTestApp()
    await expectDetail(send(server, 'POST', '/v1/messages/batches', { requests: [] }), 422)
    await expectDetail(send(server, 'POST', '/v1/messages/batches', {}), 422)
    await expectDetail(
      send(server, 'POST', '/v1/messages/batches', {
        requests: [{ agent_id: 'agent-x', messages: [] }],
      }),
      422,
    )
    await expectDetail(
      send(server, 'POST', '/v1/messages/batches', {
        requests: Array.from({ length: 101 }, () => ({ agent_id: 'a', ...userMessage('x') })),
      }),
      400,
    )
    const badCallback = await expectDetail(
      send(server, 'POST', '/v1/messages/batches', {
        requests: [{ agent_id: 'agent-x', ...userMessage('x') }],
        callback_url: 'ftp://example',
      }),
      400,
    )
    expect(badCallback).toContain('http')
    for (const path of [
      '/v1/messages/batches/job-00000000-0000-4000-8000-000000000000',
      '/v1/messages/batches/job-00000000-0000-4000-8000-000000000000/items',
      '/v1/messages/batches/job-00000000-0000-4000-8000-000000000000/messages',
      '/v1/batch-runs/job-00000000-0000-4000-8000-000000000000/messages',
    ]) {
      expect(await expectDetail(server.app.request(path), 404)).toContain(
        'job-00000000-0000-4000-8000-000000000000',
      )
    }
    await expectDetail(
      send(server, 'PATCH', '/v1/messages/batches/job-00000000-0000-4000-8000-000000000000/cancel'),
      404,
    )
    await expectDetail(
      server.app.request(
        '/v1/batch-runs/job-00000000-0000-4000-8000-000000000000/messages?limit=0',
      ),
      422,
    )
  })
})
