import { describe, expect, it } from 'vitest'

import type { LettaMessage } from '../services/agents/letta-messages.ts'
import type { Block } from '../storage/blocks-repository.ts'
import type { Run } from '../storage/runs-repository.ts'
import type { Step } from '../storage/steps-repository.ts'
import { createAgent, expectDetail, send, serverWithProvider } from './agents-helpers.ts'
import { createTestApp, json } from './helpers.ts'
import { answer, callTool } from './support/scripted-provider.ts'
import { createTool } from './tools-helpers.ts'

interface LettaResponse {
  messages: LettaMessage[]
  stop_reason: { message_type: 'stop_reason'; stop_reason: string }
  usage: Record<string, number | null | string>
}

const sendMessage = (server: Parameters<typeof send>[0], agentId: string, body: unknown) =>
  send(server, 'POST', `/v1/agents/${agentId}/messages`, body)

describe('the agent loop', () => {
  it('calls a memory tool, feeds the result back, and ends the turn with plain text', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, {
      name: 'keeper',
      memory_blocks: [{ label: 'human', value: 'Name: unknown', limit: 100 }],
    })
    provider.enqueue(
      callTool('memory_replace', { label: 'human', old_string: 'unknown', new_string: 'Ada' }),
      answer('Hello Ada!'),
    )
    const response = await sendMessage(server, agent.id, {
      messages: [{ role: 'user', content: 'I am Ada' }],
    })
    const body = await json<LettaResponse>(response)
    expect(response.status).toBe(200)
    expect(body.messages.map((m) => m.message_type)).toEqual([
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])
    expect(body.messages[1]).toMatchObject({ tool_return: 'Name: Ada', status: 'success' })
    expect(body.messages[2]).toMatchObject({ content: 'Hello Ada!' })
    expect(body.stop_reason).toEqual({ message_type: 'stop_reason', stop_reason: 'end_turn' })

    const block = await json<Block>(
      server.app.request(`/v1/agents/${agent.id}/core-memory/blocks/human`),
    )
    expect(block.value).toBe('Name: Ada')

    // What the provider saw: the memory in the system prompt, the tools, then the tool result.
    const [first, second] = provider.requests
    expect(first?.authorization).toBe('Bearer sk-scripted')
    expect(first?.body.messages[0]?.role).toBe('system')
    expect(first?.body.messages[0]?.content).toContain('<human>')
    expect(first?.body.messages[0]?.content).toContain('Name: unknown')
    expect(first?.body.messages[0]?.content).toContain('chars_limit=100')
    expect(first?.body.messages.at(-1)).toEqual({ role: 'user', content: 'I am Ada' })
    expect(first?.body.tools?.map((tool) => tool.function.name)).toEqual([
      'conversation_search',
      'memory_replace',
      'memory_insert',
    ])
    expect(first?.body.tool_choice).toBe('auto')
    const toolMessage = second?.body.messages.at(-1)
    expect(toolMessage?.role).toBe('tool')
    expect(JSON.parse(toolMessage?.content ?? '{}')).toMatchObject({
      status: 'OK',
      message: 'Name: Ada',
    })

    const history = await json<LettaMessage[]>(
      server.app.request(`/v1/agents/${agent.id}/messages?order=asc`),
    )
    expect(history.map((m) => m.message_type)).toEqual([
      'user_message',
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])
    expect(history[0]).toMatchObject({
      content: 'I am Ada',
      id: expect.stringMatching(/^message-/),
    })
    const newest = await json<LettaMessage[]>(
      server.app.request(`/v1/agents/${agent.id}/messages?limit=1`),
    )
    expect(newest).toEqual([history[3]])

    const after = await json<{ last_stop_reason: string; last_run_completion: string }>(
      server.app.request(`/v1/agents/${agent.id}`),
    )
    expect(after.last_stop_reason).toBe('end_turn')
    expect(after.last_run_completion).toEqual(expect.any(String))
  })

  it('sends the earlier conversation on the next request, and accepts input instead of messages', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(answer('first answer'), answer('second answer'))
    await sendMessage(server, agent.id, { input: 'one' })
    await sendMessage(server, agent.id, { input: 'two' })
    expect(provider.requests[1]?.body.messages.slice(1)).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'two' },
    ])
  })

  it('runs a custom tool through the tool runner and returns what it printed', async () => {
    const { server, provider } = await serverWithProvider()
    const tool = await createTool(server, {
      source_code: `def shout(text: str) -> str:
    """Shouts.

    Args:
        text: What to shout.
    """
    print("shouting")
    return text.upper()
`,
    })
    const agent = await createAgent(server, { tool_ids: [tool.id] })
    provider.enqueue(callTool('shout', { text: 'hi' }), answer('done'))
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'shout hi' }))
    expect(body.messages[1]).toMatchObject({
      message_type: 'tool_return_message',
      tool_return: 'HI',
      status: 'success',
      stdout: ['shouting\n'],
    })
  })

  it('returns a tool that raises to the model as an error, and the run goes on', async () => {
    const { server, provider } = await serverWithProvider()
    const tool = await createTool(server, {
      source_code: `def explode(text: str) -> str:
    """Fails.

    Args:
        text: Ignored.
    """
    raise ValueError("the tool broke")
`,
    })
    const agent = await createAgent(server, { tool_ids: [tool.id] })
    provider.enqueue(callTool('explode', { text: 'x' }), answer('it failed'))
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'go' }))
    expect(body.stop_reason.stop_reason).toBe('end_turn')
    const result = body.messages[1] as LettaMessage & { status: string; tool_return: string }
    expect(result.status).toBe('error')
    expect(result.tool_return).toContain('the tool broke')
    expect(JSON.parse(provider.requests[1]?.body.messages.at(-1)?.content ?? '{}')).toMatchObject({
      status: 'Failed',
    })
  })

  it('tells the model when a memory edit would pass the block limit, and keeps the block', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, {
      memory_blocks: [
        { label: 'human', value: 'short', limit: 10 },
        { label: 'persona', value: 'fixed', read_only: true },
      ],
    })
    provider.enqueue(
      callTool('memory_insert', { label: 'human', new_string: 'much too long for this block' }),
      callTool('memory_replace', { label: 'persona', old_string: 'fixed', new_string: 'changed' }),
      answer('ok'),
    )
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'remember' }))
    const returns = body.messages.filter(
      (m) => m.message_type === 'tool_return_message',
    ) as (LettaMessage & {
      status: string
      tool_return: string
    })[]
    expect(returns.map((r) => r.status)).toEqual(['error', 'error'])
    expect(returns[0]?.tool_return).toContain('over its limit of 10')
    expect(returns[1]?.tool_return).toContain('read-only')
    const blocks = await json<Block[]>(
      server.app.request(`/v1/agents/${agent.id}/core-memory/blocks`),
    )
    expect(blocks.map((b) => b.value)).toEqual(['short', 'fixed'])
  })

  it('stops with max_steps when the model keeps calling tools', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(
      callTool('conversation_search', { query: 'a' }),
      callTool('conversation_search', { query: 'b' }),
      callTool('conversation_search', { query: 'c' }),
    )
    const body = await json<LettaResponse>(
      sendMessage(server, agent.id, { input: 'search', max_steps: 2 }),
    )
    expect(body.stop_reason.stop_reason).toBe('max_steps')
    expect(body.usage.step_count).toBe(2)
    expect(provider.pending()).toBe(1)
    const runs = await json<Run[]>(server.app.request(`/v1/runs?agent_id=${agent.id}`))
    expect(runs[0]).toMatchObject({ status: 'completed', stop_reason: 'max_steps' })
  })

  it('lets memgpt agents answer through send_message, continuing while they ask for a heartbeat', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, { agent_type: 'memgpt_v2_agent' })
    provider.enqueue(
      {
        kind: 'answer',
        content: 'Let me look.',
        toolCalls: [
          { name: 'conversation_search', arguments: { query: 'x', request_heartbeat: true } },
        ],
      },
      callTool('send_message', { message: 'Nothing found.', request_heartbeat: false }),
    )
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'find x' }))
    expect(body.messages.map((m) => m.message_type)).toEqual([
      'reasoning_message',
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])
    expect(body.messages[3]).toMatchObject({ content: 'Nothing found.' })
    expect(body.stop_reason.stop_reason).toBe('end_turn')
    const request = provider.requests[0]?.body
    expect(request?.tool_choice).toBe('required')
    const search = request?.tools?.find((tool) => tool.function.name === 'conversation_search')
    expect(search?.function.parameters?.required).toContain('request_heartbeat')
    // The heartbeat argument is the loop's own: the tool never receives it.
    expect(body.messages[2]).toMatchObject({ status: 'success' })
  })

  it('finds passages of attached folders with archival_memory_search', async () => {
    const { server, provider } = await serverWithProvider()
    const source = await json<{ id: string }>(
      send(server, 'POST', '/v1/folders', { name: 'handbook' }),
    )
    const form = new FormData()
    form.append(
      'file',
      new File(['The office cat is called Marmalade and sleeps all day.'], 'cats.txt'),
    )
    const uploaded = await json<{ id: string }>(
      server.app.request(`/v1/folders/${source.id}/upload`, { method: 'POST', body: form }),
    )
    for (let i = 0; i < 200; i++) {
      const file = await json<{ processing_status: string }>(
        server.app.request(`/v1/folders/${source.id}/files/${uploaded.id}`),
      )
      if (file.processing_status === 'completed') break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const agent = await createAgent(server, { folder_ids: [source.id] })
    expect(agent.tools.map((t) => t.name)).toContain('archival_memory_search')
    provider.enqueue(
      callTool('archival_memory_search', { query: 'office cat name' }),
      answer('Marmalade'),
    )
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'cat?' }))
    expect(body.messages[1]).toMatchObject({
      status: 'success',
      tool_return: expect.stringContaining('Marmalade'),
    })
    expect(provider.requests[0]?.body.messages[0]?.content).toContain('<directory name="handbook">')
  })
})

describe('usage', () => {
  it("reports the provider's figures per step, and the run's usage and step_count as their sums", async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    const calls = [
      { prompt_tokens: 1200, completion_tokens: 40, cached_tokens: 1000, reasoning_tokens: 12 },
      { prompt_tokens: 1300, completion_tokens: 25, total_tokens: 1330 },
      { prompt_tokens: 1500, completion_tokens: 60, cached_tokens: 700, reasoning_tokens: 30 },
    ]
    provider.enqueue(
      callTool('conversation_search', { query: 'a' }, calls[0]),
      callTool('conversation_search', { query: 'b' }, calls[1]),
      answer('done', calls[2]),
    )
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'go' }))
    const runId = body.messages[0]?.run_id as string
    const totals = calls.map((c) => c.total_tokens ?? c.prompt_tokens + c.completion_tokens)
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    expect(body.usage).toMatchObject({
      message_type: 'usage_statistics',
      step_count: 3,
      prompt_tokens: 4000,
      completion_tokens: 125,
      total_tokens: sum(totals),
      cached_input_tokens: 1700,
      reasoning_tokens: 42,
    })
    const usage = await json(server.app.request(`/v1/runs/${runId}/usage`))
    expect(usage).toEqual({
      prompt_tokens: 4000,
      completion_tokens: 125,
      total_tokens: sum(totals),
      prompt_tokens_details: { cached_tokens: 1700 },
      completion_tokens_details: { reasoning_tokens: 42 },
      step_count: 3,
    })
    const steps = await json<Step[]>(server.app.request(`/v1/runs/${runId}/steps?order=asc`))
    expect(steps).toHaveLength(3)
    steps.forEach((step, index) => {
      const call = calls[index] as (typeof calls)[number]
      expect(step).toMatchObject({
        id: expect.stringMatching(/^step-[0-9a-f-]{36}$/),
        run_id: runId,
        agent_id: agent.id,
        model: provider.model,
        model_handle: `openai/${provider.model}`,
        model_endpoint: provider.url,
        provider_name: 'openai',
        provider_type: 'openai',
        status: 'success',
        prompt_tokens: call.prompt_tokens,
        completion_tokens: call.completion_tokens,
        total_tokens: totals[index],
        cached_input_tokens: 'cached_tokens' in call ? call.cached_tokens : null,
        reasoning_tokens: 'reasoning_tokens' in call ? call.reasoning_tokens : null,
      })
    })
    expect(steps.map((s) => s.stop_reason)).toEqual([null, null, 'end_turn'])
    expect(steps[2]?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('lists steps by agent, model and date, and answers 404 for an unknown step or run', async () => {
    const { server, provider } = await serverWithProvider()
    const one = await createAgent(server)
    const two = await createAgent(server)
    provider.enqueue(answer('a'), answer('b'), answer('c'))
    await sendMessage(server, one.id, { input: 'x' })
    await sendMessage(server, one.id, { input: 'y' })
    await sendMessage(server, two.id, { input: 'z' })
    const list = async (query: string) => json<Step[]>(server.app.request(`/v1/steps?${query}`))
    expect(await list('')).toHaveLength(3)
    expect(await list(`agent_id=${one.id}`)).toHaveLength(2)
    expect(await list(`model=${provider.model}`)).toHaveLength(3)
    expect(await list(`model=openai/${provider.model}`)).toHaveLength(3)
    expect(await list('model=other')).toHaveLength(0)
    const today = new Date().toISOString().slice(0, 10)
    expect(await list(`start_date=${today}&end_date=${today}`)).toHaveLength(3)
    expect(await list('end_date=2000-01-01')).toHaveLength(0)
    expect(await list('start_date=2999-01-01T00:00:00Z')).toHaveLength(0)
    const [newest, middle] = await list('limit=2')
    const older = await list(`after=${middle?.id}`)
    expect(older).toHaveLength(1)
    expect(await json(server.app.request(`/v1/steps/${newest?.id}`))).toEqual(newest)
    await expectDetail(
      server.app.request('/v1/steps/step-00000000-0000-4000-8000-000000000000'),
      404,
    )
    await expectDetail(
      server.app.request('/v1/runs/run-00000000-0000-4000-8000-000000000000/usage'),
      404,
    )
    await expectDetail(server.app.request('/v1/steps?start_date=yesterday'), 422)
  })
})

describe('failures', () => {
  const failures = [
    {
      name: 'a 401',
      reply: { kind: 'http-error', status: 401, body: { error: { message: 'Incorrect API key' } } },
      stop: 'llm_api_error',
      type: 'llm_authentication',
      text: 'HTTP 401: Incorrect API key',
    },
    {
      name: 'a 429',
      reply: { kind: 'http-error', status: 429 },
      stop: 'llm_api_error',
      type: 'llm_rate_limit',
      text: 'HTTP 429',
    },
    {
      name: 'a 500',
      reply: { kind: 'http-error', status: 500, body: 'upstream exploded' },
      stop: 'llm_api_error',
      type: 'llm_error',
      text: 'HTTP 500',
    },
    {
      name: 'malformed JSON',
      reply: { kind: 'malformed' },
      stop: 'invalid_llm_response',
      type: 'llm_invalid_response',
      text: 'not valid JSON',
    },
  ] as const

  for (const failure of failures) {
    it(`ends the run failed on ${failure.name}, storing the error and keeping messages and memory`, async () => {
      const { server, provider } = await serverWithProvider()
      const agent = await createAgent(server, { memory_blocks: [{ label: 'human', value: 'Ada' }] })
      provider.enqueue(answer('earlier answer'))
      await sendMessage(server, agent.id, { input: 'earlier' })
      const before = await json<LettaMessage[]>(
        server.app.request(`/v1/agents/${agent.id}/messages`),
      )

      provider.enqueue(
        callTool('memory_insert', { label: 'human', new_string: 'x' }),
        failure.reply,
      )
      const response = await sendMessage(server, agent.id, { input: 'now fail' })
      const body = await json<{
        detail: string
        run_id: string
        stop_reason: string
        error_type: string
      }>(response)
      expect(response.status).toBe(502)
      expect(body).toMatchObject({ stop_reason: failure.stop, error_type: failure.type })
      expect(body.detail).toContain(failure.text)

      const run = await json<Run>(server.app.request(`/v1/runs/${body.run_id}`))
      expect(run).toMatchObject({ status: 'failed', stop_reason: failure.stop })
      expect(run.metadata.error).toContain(failure.text)
      const steps = await json<Step[]>(
        server.app.request(`/v1/runs/${body.run_id}/steps?order=asc`),
      )
      expect(steps.map((s) => s.status)).toEqual(['success', 'failed'])
      expect(steps[1]).toMatchObject({
        stop_reason: failure.stop,
        error_type: failure.type,
        total_tokens: 0,
      })
      // The first step of the run (the memory edit) is kept; everything before the run is untouched.
      const after = await json<LettaMessage[]>(
        server.app.request(`/v1/agents/${agent.id}/messages?order=asc`),
      )
      expect(after.slice(0, before.length).map((m) => m.id)).toEqual(
        [...before].reverse().map((m) => m.id),
      )
      expect((await json<Run[]>(server.app.request('/v1/runs')))[0]?.status).toBe('failed')
    })
  }

  it('leaves conversation and memory untouched when the first call fails', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, { memory_blocks: [{ label: 'human', value: 'Ada' }] })
    provider.enqueue({ kind: 'http-error', status: 503 })
    const response = await sendMessage(server, agent.id, { input: 'hello' })
    expect(response.status).toBe(502)
    expect(await json(server.app.request(`/v1/agents/${agent.id}/messages`))).toEqual([])
    const block = await json<Block>(
      server.app.request(`/v1/agents/${agent.id}/core-memory/blocks/human`),
    )
    expect(block.value).toBe('Ada')
    const agentAfter = await json<{ last_stop_reason: string }>(
      server.app.request(`/v1/agents/${agent.id}`),
    )
    expect(agentAfter.last_stop_reason).toBe('llm_api_error')
  })

  it('fails with llm_api_error when the provider cannot be reached', async () => {
    const server = createTestApp({
      llmProvider: { endpoint: 'http://127.0.0.1:9/v1', model: 'm', apiKey: undefined },
    })
    const agent = await createAgent(server)
    const response = await sendMessage(server, agent.id, { input: 'hello' })
    const body = await json<{ detail: string; stop_reason: string }>(response)
    expect(response.status).toBe(502)
    expect(body.stop_reason).toBe('llm_api_error')
    expect(body.detail).toContain('could not be reached')
  })

  it('ends with invalid_tool_call when the model calls a tool the agent lacks', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server)
    provider.enqueue(callTool('launch_rockets', { count: 3 }))
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'go' }))
    expect(body.stop_reason.stop_reason).toBe('invalid_tool_call')
    expect(body.messages[1]).toMatchObject({
      status: 'error',
      tool_return: expect.stringContaining('[ToolConstraintError] Cannot call launch_rockets'),
    })
    const run = (await json<Run[]>(server.app.request('/v1/runs')))[0]
    expect(run).toMatchObject({ status: 'failed', stop_reason: 'invalid_tool_call' })
    expect(run?.metadata.error).toContain('launch_rockets')
  })

  it('gives memgpt agents no_tool_call when the model answers without a tool', async () => {
    const { server, provider } = await serverWithProvider()
    const agent = await createAgent(server, { agent_type: 'memgpt_agent' })
    provider.enqueue(answer('plain text'))
    const body = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'hi' }))
    expect(body.stop_reason.stop_reason).toBe('no_tool_call')
    expect(await json(server.app.request(`/v1/agents/${agent.id}/messages`))).toEqual([])
  })

  it('refuses to send with no provider configured, naming --llm-endpoint', async () => {
    const server = createTestApp()
    const agent = await createAgent(server)
    const detail = await expectDetail(sendMessage(server, agent.id, { input: 'hi' }), 400)
    expect(detail).toContain('--llm-endpoint')
    expect(await json(server.app.request('/v1/runs'))).toEqual([])
  })

  it('answers 4xx for an unknown agent, an empty request and oversized input', async () => {
    const { server } = await serverWithProvider()
    const agent = await createAgent(server)
    await expectDetail(
      sendMessage(server, 'agent-00000000-0000-4000-8000-000000000000', { input: 'x' }),
      404,
    )
    await expectDetail(sendMessage(server, agent.id, {}), 400)
    await expectDetail(sendMessage(server, agent.id, { input: 'x', max_steps: 0 }), 422)
    await expectDetail(sendMessage(server, agent.id, { input: 'x'.repeat(100_001) }), 422)
    await expectDetail(
      sendMessage(server, agent.id, { messages: [{ role: 'robot', content: 'x' }] }),
      422,
    )
    await expectDetail(
      server.app.request('/v1/agents/agent-00000000-0000-4000-8000-000000000000/messages'),
      404,
    )
    expect(await json(server.app.request('/v1/runs'))).toEqual([])
  })
})

describe('the scripted provider default, as e2e uses it', () => {
  it('calls a tool the user names, then quotes its result; otherwise echoes', async () => {
    const { server } = await serverWithProvider()
    const agent = await createAgent(server)
    const withTool = await json<LettaResponse>(
      sendMessage(server, agent.id, { input: 'please run conversation_search' }),
    )
    expect(withTool.messages.map((m) => m.message_type)).toEqual([
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])
    expect(withTool.messages[2]).toMatchObject({
      content: 'The tool returned: No messages matched.',
    })
    const plain = await json<LettaResponse>(sendMessage(server, agent.id, { input: 'hello' }))
    expect(plain.messages).toEqual([expect.objectContaining({ content: 'You said: hello' })])
    const memgpt = await createAgent(server, { agent_type: 'memgpt_v2_agent' })
    const viaSend = await json<LettaResponse>(sendMessage(server, memgpt.id, { input: 'hi' }))
    expect(viaSend.messages.at(-1)).toMatchObject({
      message_type: 'assistant_message',
      content: 'You said: hi',
    })
  })
})
