import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { createApp } from '../app.ts'
import { defaultAppConfig } from '../config.ts'
import type { LettaMessage } from '../services/agents/letta-messages.ts'
import { openDatabase } from '../storage/db.ts'
import { RunsRepository, type Run } from '../storage/runs-repository.ts'
import { StepsRepository, type Step } from '../storage/steps-repository.ts'
import {
  createAgent,
  expectDetail,
  parseSse,
  scriptedProvider,
  send,
  serverWithProvider,
  waitForRun,
} from './agents-helpers.ts'
import { json } from './helpers.ts'
import { answer, callTool } from './support/scripted-provider.ts'

describe('streaming', () => {
  it('sends a ping, each message as its step completes, then the stop reason, usage and [DONE]', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(
      callTool('conversation_search', { query: 'x' }, { prompt_tokens: 50, completion_tokens: 5 }),
      {
        kind: 'answer',
        content: 'Found it',
        reasoning: 'Thinking it over',
        usage: { prompt_tokens: 60, completion_tokens: 6 },
      },
    )
    const response = await send(server, 'POST', `/v1/agents/${agent.id}/messages/stream`, {
      input: 'search x',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const events = parseSse(await response.text())
    const data = events.map((e) => e.data as { message_type?: string })
    expect(events.every((e) => e.event === 'message')).toBe(true)
    expect(data.map((d) => (d === ('[DONE]' as unknown) ? '[DONE]' : d.message_type))).toEqual([
      'ping',
      'tool_call_message',
      'tool_return_message',
      'reasoning_message',
      'assistant_message',
      'stop_reason',
      'usage_statistics',
      '[DONE]',
    ])
    expect(data[3]).toMatchObject({ reasoning: 'Thinking it over', source: 'reasoner_model' })
    expect(data[5]).toEqual({ message_type: 'stop_reason', stop_reason: 'end_turn' })
    expect(data[6]).toMatchObject({
      prompt_tokens: 110,
      completion_tokens: 11,
      total_tokens: 121,
      step_count: 2,
    })
  })

  it('keeps only include_return_message_types, and can leave out the ping', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(callTool('conversation_search', { query: 'x' }), answer('done'))
    const response = await send(server, 'POST', `/v1/agents/${agent.id}/messages/stream`, {
      input: 'go',
      include_pings: false,
      include_return_message_types: ['assistant_message'],
    })
    const types = parseSse(await response.text()).map(
      (e) => (e.data as { message_type?: string }).message_type ?? e.data,
    )
    expect(types).toEqual(['assistant_message', 'stop_reason', 'usage_statistics', '[DONE]'])
  })

  it('reports a provider failure as a stop reason and an error event', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue({ kind: 'http-error', status: 429, body: { error: { message: 'Slow down' } } })
    const response = await send(server, 'POST', `/v1/agents/${agent.id}/messages/stream`, {
      input: 'hi',
    })
    expect(response.status).toBe(200)
    const events = parseSse(await response.text())
    expect(events.slice(1)).toEqual([
      { event: 'message', data: { message_type: 'stop_reason', stop_reason: 'llm_api_error' } },
      {
        event: 'error',
        data: {
          message_type: 'error_message',
          run_id: expect.stringMatching(/^run-/),
          error_type: 'llm_rate_limit',
          message: 'The LLM provider answered HTTP 429: Slow down',
          detail: 'The LLM provider answered HTTP 429: Slow down',
          seq_id: null,
        },
      },
      { event: 'message', data: '[DONE]' },
    ])
  })

  it('answers 4xx before streaming for bad input', async () => {
    const { server } = await serverWithProvider()
    const agent = await createAgent(server)
    await expectDetail(send(server, 'POST', `/v1/agents/${agent.id}/messages/stream`, {}), 400)
    await expectDetail(
      send(
        server,
        'POST',
        '/v1/agents/agent-00000000-0000-4000-8000-000000000000/messages/stream',
        { input: 'x' },
      ),
      404,
    )
  })
})

describe('async runs, cancel and callbacks', () => {
  it('returns the run at once, finishes it in the background and POSTs it to callback_url', async () => {
    const received: Run[] = []
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Run)
        response.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/done`
    try {
      const { server, provider } = await serverWithProvider()
      const agent = await createAgent(server)
      provider.enqueue({ kind: 'answer', content: 'later', delayMs: 100 })
      const response = await send(server, 'POST', `/v1/agents/${agent.id}/messages/async`, {
        input: 'take your time',
        callback_url: callbackUrl,
      })
      const run = await json<Run>(response)
      expect(response.status).toBe(200)
      expect(run).toMatchObject({
        id: expect.stringMatching(/^run-[0-9a-f-]{36}$/),
        agent_id: agent.id,
        status: 'created',
        background: true,
        callback_url: callbackUrl,
        metadata: { run_type: 'send_message_async' },
      })
      const done = await waitForRun(server, run.id)
      expect(done).toMatchObject({ status: 'completed', stop_reason: 'end_turn' })
      for (let i = 0; i < 200 && !received.length; i++) await new Promise((r) => setTimeout(r, 20))
      expect(received[0]).toMatchObject({ id: run.id, status: 'completed' })
      const messages = await json<LettaMessage[]>(server.app.request(`/v1/runs/${run.id}/messages`))
      expect(messages.map((m) => m.message_type)).toEqual(['assistant_message'])
      await expectDetail(
        send(server, 'POST', `/v1/agents/${agent.id}/messages/async`, {
          input: 'x',
          callback_url: 'ftp://nope',
        }),
        400,
      )
    } finally {
      await new Promise((resolve) => receiver.close(resolve))
    }
  })

  it('cancels a running run: its model call stops and nothing of the turn is stored', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue({ kind: 'hang' })
    const run = await json<Run>(
      send(server, 'POST', `/v1/agents/${agent.id}/messages/async`, { input: 'wait' }),
    )
    for (let i = 0; i < 200 && provider.requests.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10))
    const active = await json<Run[]>(
      server.app.request(`/v1/runs?active=true&agent_id=${agent.id}`),
    )
    expect(active.map((r) => r.id)).toEqual([run.id])
    const cancelled = await json<Record<string, string>>(
      send(server, 'POST', `/v1/agents/${agent.id}/messages/cancel`, {}),
    )
    expect(cancelled).toEqual({ [run.id]: 'cancelled' })
    const done = await waitForRun(server, run.id)
    expect(done).toMatchObject({ status: 'cancelled', stop_reason: 'cancelled' })
    // The loop records the cancelled step once its model call has stopped.
    let steps: Step[] = []
    for (let i = 0; i < 100; i++) {
      steps = await json<Step[]>(server.app.request(`/v1/runs/${run.id}/steps`))
      if (steps[0]?.status !== 'pending') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(steps.map((s) => s.status)).toEqual(['cancelled'])
    expect(await json(server.app.request(`/v1/agents/${agent.id}/messages`))).toEqual([])
    // Cancelling a finished run changes nothing.
    expect(await json(send(server, 'PATCH', `/v1/runs/${run.id}/cancel`))).toMatchObject({
      status: 'cancelled',
    })
  })

  it('cancels through PATCH /v1/runs/{id}/cancel and deletes runs', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue({ kind: 'hang' })
    const run = await json<Run>(
      send(server, 'POST', `/v1/agents/${agent.id}/messages/async`, { input: 'wait' }),
    )
    for (let i = 0; i < 200 && provider.requests.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const cancelled = await json<Run>(send(server, 'PATCH', `/v1/runs/${run.id}/cancel`))
    expect(cancelled.status).toBe('cancelled')
    expect(await json<Step[]>(server.app.request(`/v1/steps?agent_id=${agent.id}`))).toHaveLength(1)
    expect((await send(server, 'DELETE', `/v1/runs/${run.id}`)).status).toBe(200)
    expect(await json(server.app.request(`/v1/steps?agent_id=${agent.id}`))).toEqual([])
    await expectDetail(server.app.request(`/v1/runs/${run.id}`), 404)
    await expectDetail(send(server, 'DELETE', `/v1/runs/${run.id}`), 404)
    await expectDetail(send(server, 'PATCH', `/v1/runs/${run.id}/cancel`), 404)
  })
})

describe('listing runs', () => {
  it('filters by agent, status and stop reason, newest first, with cursors', async () => {
    const { server, provider } = await serverWithProvider()
    const one = await createAgent(server)
    const two = await createAgent(server)
    provider.enqueue(answer('a'), { kind: 'http-error', status: 500 }, answer('c'))
    await send(server, 'POST', `/v1/agents/${one.id}/messages`, { input: '1' })
    await send(server, 'POST', `/v1/agents/${one.id}/messages`, { input: '2' })
    await send(server, 'POST', `/v1/agents/${two.id}/messages`, { input: '3' })
    const list = async (query: string) => json<Run[]>(server.app.request(`/v1/runs/?${query}`))
    const all = await list('')
    expect(all.map((r) => r.agent_id)).toEqual([two.id, one.id, one.id])
    expect(await list(`agent_id=${one.id}`)).toHaveLength(2)
    expect((await list('statuses=failed')).map((r) => r.stop_reason)).toEqual(['llm_api_error'])
    expect(await list('statuses=completed,failed')).toHaveLength(3)
    expect(await list('stop_reason=end_turn')).toHaveLength(2)
    expect(await list('active=true')).toEqual([])
    expect((await list(`after=${all[0]?.id}&limit=1`)).map((r) => r.id)).toEqual([all[1]?.id])
    expect((await list('order=asc')).map((r) => r.id)).toEqual([...all].reverse().map((r) => r.id))
    await expectDetail(server.app.request('/v1/runs?stop_reason=bored'), 422)
  })

  it('keeps runs and steps after their agent is deleted, for usage history', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(answer('a'))
    await send(server, 'POST', `/v1/agents/${agent.id}/messages`, { input: '1' })
    await send(server, 'DELETE', `/v1/agents/${agent.id}`)
    expect(await json<Run[]>(server.app.request(`/v1/runs?agent_id=${agent.id}`))).toHaveLength(1)
    expect(await json<Step[]>(server.app.request(`/v1/steps?agent_id=${agent.id}`))).toHaveLength(1)
  })
})

describe('restart', () => {
  it('marks runs a restart cut off as failed, with their pending steps', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-runs-'))
    try {
      const db = openDatabase(dataDir)
      const runs = new RunsRepository(db)
      const run = runs.create({
        agent_id: 'agent-gone',
        background: true,
        metadata: {},
        request_config: {},
      })
      runs.update(run.id, { status: 'running' })
      const step = new StepsRepository(db).insertPending({
        run_id: run.id,
        agent_id: 'agent-gone',
        model: 'm',
        model_handle: 'openai/m',
        model_endpoint: null,
        provider_name: 'openai',
        provider_type: 'openai',
        provider_category: 'base',
        context_window_limit: 1000,
      })
      db.close()

      const provider = await scriptedProvider()
      const server = createApp(
        defaultAppConfig({
          dataDir,
          llmProvider: { endpoint: provider.url, model: provider.model, apiKey: undefined },
        }),
      )
      try {
        const after = await json<Run>(server.app.request(`/v1/runs/${run.id}`))
        expect(after).toMatchObject({ status: 'failed', stop_reason: 'error' })
        expect(after.metadata.error).toContain('server stopped')
        expect(await json(server.app.request(`/v1/steps/${step.id}`))).toMatchObject({
          status: 'failed',
        })
      } finally {
        await server.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
