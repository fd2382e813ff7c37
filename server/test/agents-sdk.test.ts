import Letta from '@letta-ai/letta-client'
import { afterEach, describe, expect, it } from 'vitest'

import { serverWithProvider } from './agents-helpers.ts'
import { listen } from './helpers.ts'
import type { Listening } from './loopback.ts'
import { answer, callTool } from './support/scripted-provider.ts'

const listeners: Listening[] = []
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()))
})

/** The official SDK, talking over real HTTP to the bundled server with a scripted provider. */
async function sdkClient() {
  const { server, provider } = await serverWithProvider()
  const listening = await listen(server)
  listeners.push(listening)
  return { client: new Letta({ baseURL: listening.url, apiKey: null, maxRetries: 0 }), provider }
}

describe('the official SDK against the bundled server', () => {
  it('lists models and creates, retrieves and lists agents page by page', async () => {
    const { client, provider } = await sdkClient()
    const models = await client.models.list()
    expect(models.map((model) => model.handle)).toEqual([`openai/${provider.model}`])

    const created = []
    for (const name of ['one', 'two', 'three']) {
      created.push(
        await client.agents.create({
          name,
          model: `openai/${provider.model}`,
          memory_blocks: [{ label: 'human', value: `I talk to ${name}` }],
          tags: ['sdk'],
        }),
      )
    }
    expect(created[0]).toMatchObject({ name: 'one', agent_type: 'letta_v1_agent', tags: ['sdk'] })
    expect(created[0]?.blocks?.[0]?.value).toBe('I talk to one')
    const fetched = await client.agents.retrieve(created[1]?.id as string)
    expect(fetched.name).toBe('two')

    const names: string[] = []
    for await (const agent of client.agents.list({ limit: 2, order: 'asc' })) names.push(agent.name)
    expect(names).toEqual(['one', 'two', 'three'])
    const firstPage = await client.agents.list({ limit: 2 })
    expect(firstPage.items.map((a) => a.name)).toEqual(['three', 'two'])
    expect(firstPage.hasNextPage()).toBe(true)
    const next = await firstPage.getNextPage()
    expect(next.items.map((a) => a.name)).toEqual(['one'])
  })

  it('sends messages, streams a reply, and reads runs, usage and steps', async () => {
    const { client, provider } = await sdkClient()
    const agent = await client.agents.create({
      name: 'talker',
      memory_blocks: [{ label: 'human', value: 'Name: ?' }],
    })

    provider.enqueue(
      callTool(
        'memory_replace',
        { label: 'human', old_string: '?', new_string: 'Ada' },
        { prompt_tokens: 300, completion_tokens: 20, cached_tokens: 100 },
      ),
      answer('Hi Ada', { prompt_tokens: 350, completion_tokens: 8, reasoning_tokens: 4 }),
    )
    const response = await client.agents.messages.create(agent.id, {
      messages: [{ role: 'user', content: 'My name is Ada' }],
    })
    expect(response.messages.map((m) => m.message_type)).toEqual([
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])
    expect(response.stop_reason.stop_reason).toBe('end_turn')
    expect(response.usage).toMatchObject({
      step_count: 2,
      prompt_tokens: 650,
      completion_tokens: 28,
      total_tokens: 678,
    })

    provider.enqueue(answer('Streaming hello', { prompt_tokens: 400, completion_tokens: 5 }))
    const stream = await client.agents.messages.stream(agent.id, { input: 'Say hello' })
    const streamed: string[] = []
    for await (const chunk of stream) streamed.push(String(chunk.message_type))
    expect(streamed).toEqual(['ping', 'assistant_message', 'stop_reason', 'usage_statistics'])

    provider.enqueue(answer('Streaming through create'))
    const viaCreate = await client.agents.messages.create(agent.id, {
      input: 'again',
      streaming: true,
    })
    const createdTypes: string[] = []
    for await (const chunk of viaCreate) createdTypes.push(String(chunk.message_type))
    expect(createdTypes).toContain('assistant_message')

    const runs = await client.runs.list({ agent_id: agent.id })
    expect(runs.items).toHaveLength(3)
    const first = runs.items[2]
    expect(first).toMatchObject({
      status: 'completed',
      stop_reason: 'end_turn',
      agent_id: agent.id,
    })
    const usage = await client.runs.usage.retrieve(first?.id as string)
    expect(usage).toMatchObject({
      prompt_tokens: 650,
      completion_tokens: 28,
      total_tokens: 678,
      prompt_tokens_details: { cached_tokens: 100 },
      completion_tokens_details: { reasoning_tokens: 4 },
    })

    const steps: { run_id?: string | null; total_tokens?: number | null }[] = []
    for await (const step of client.steps.list({ agent_id: agent.id, limit: 1 })) steps.push(step)
    expect(steps).toHaveLength(4)
    expect(
      steps.filter((step) => step.run_id === first?.id).map((step) => step.total_tokens),
    ).toEqual([358, 320])

    const history: string[] = []
    for await (const message of client.agents.messages.list(agent.id, { limit: 2, order: 'asc' })) {
      history.push(String(message.message_type))
    }
    expect(history.slice(0, 4)).toEqual([
      'user_message',
      'tool_call_message',
      'tool_return_message',
      'assistant_message',
    ])

    const block = await client.agents.blocks.retrieve('human', { agent_id: agent.id })
    expect(block.value).toBe('Name: Ada')
  })

  it('surfaces 4xx errors as the SDK errors with the detail', async () => {
    const { client } = await sdkClient()
    await expect(
      client.agents.retrieve('agent-00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      status: 404,
    })
    await expect(client.agents.create({ model: 'openai/unknown' })).rejects.toMatchObject({
      status: 400,
    })
  })
})
