import { describe, expect, it } from 'vitest'

import { ConfigError, parseConfig } from '../config.ts'
import type { AgentState } from '../services/agents/agent-service.ts'
import type { Block } from '../storage/blocks-repository.ts'
import { createAgent, expectDetail, send } from './agents-helpers.ts'
import { createTestApp, json } from './helpers.ts'
import { createTool, toolSource } from './tools-helpers.ts'

const provider = { endpoint: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini', apiKey: undefined }

describe('models', () => {
  it('lists the configured chat model with Letta fields and a provider/model handle', async () => {
    const server = createTestApp({ llmProvider: provider })
    const models = await json<Record<string, unknown>[]>(server.app.request('/v1/models/'))
    expect(models).toEqual([
      expect.objectContaining({
        handle: 'openai/gpt-4o-mini',
        name: 'gpt-4o-mini',
        model: 'gpt-4o-mini',
        provider_type: 'openai',
        provider_name: 'openai',
        model_type: 'llm',
        model_endpoint_type: 'openai',
        model_endpoint: 'http://127.0.0.1:9/v1',
        context_window: 128000,
        max_context_window: 128000,
      }),
    ])
    const filtered = await json<unknown[]>(
      server.app.request('/v1/models/?provider_type=anthropic'),
    )
    expect(filtered).toEqual([])
  })

  it('lists no chat model without a provider, and agents can still be created', async () => {
    const server = createTestApp()
    expect(await json(server.app.request('/v1/models'))).toEqual([])
    const agent = await createAgent(server, { name: 'offline' })
    expect(agent.model).toBeNull()
    expect(agent.llm_config.model).toBe('')
  })
})

describe('agents CRUD', () => {
  it('creates an agent with blocks, base tools, tags and the default model', async () => {
    const server = createTestApp({ llmProvider: provider })
    const agent = await createAgent(server, {
      name: 'helper',
      description: 'Helps',
      memory_blocks: [
        { label: 'persona', value: 'I am kind.', limit: 500, description: 'Who I am' },
        { label: 'human', value: 'Name: Ada', read_only: true },
      ],
      tags: ['b', 'a', 'a'],
      metadata: { team: 'x' },
    })
    expect(agent).toMatchObject({
      id: expect.stringMatching(/^agent-[0-9a-f-]{36}$/),
      name: 'helper',
      description: 'Helps',
      agent_type: 'letta_v1_agent',
      model: 'openai/gpt-4o-mini',
      llm_config: {
        model: 'gpt-4o-mini',
        handle: 'openai/gpt-4o-mini',
        model_endpoint_type: 'openai',
      },
      embedding_config: { embedding_endpoint_type: 'local' },
      tags: ['a', 'b'],
      metadata: { team: 'x' },
      last_run_completion: null,
      last_stop_reason: null,
      sources: [],
    })
    expect(agent.system).toContain('{CORE_MEMORY}')
    expect(agent.blocks.map((block) => [block.label, block.limit, block.read_only])).toEqual([
      ['persona', 500, false],
      ['human', 100000, true],
    ])
    expect(agent.blocks[0]?.id).toMatch(/^block-[0-9a-f-]{36}$/)
    expect(agent.memory.blocks).toEqual(agent.blocks)
    expect(agent.tools.map((tool) => tool.name)).toEqual([
      'conversation_search',
      'memory_replace',
      'memory_insert',
    ])
    expect(await json(server.app.request(`/v1/agents/${agent.id}`))).toEqual(agent)
  })

  it('gives memgpt agents send_message, and attaches tools by id and by name', async () => {
    const server = createTestApp({ llmProvider: provider })
    const tool = await createTool(server, { source_code: toolSource('shout') })
    const agent = await createAgent(server, {
      agent_type: 'memgpt_v2_agent',
      tool_ids: [tool.id],
      tools: ['archival_memory_search'],
    })
    expect(agent.tools.map((t) => t.name)).toEqual([
      'shout',
      'archival_memory_search',
      'send_message',
      'conversation_search',
      'memory_replace',
      'memory_insert',
    ])
    const bare = await createAgent(server, { include_base_tools: false })
    expect(bare.tools).toEqual([])
  })

  it('lists newest first with name, tags, query_text and cursors, and counts', async () => {
    const server = createTestApp()
    const alpha = await createAgent(server, { name: 'alpha', tags: ['red'] })
    const beta = await createAgent(server, {
      name: 'beta',
      tags: ['red', 'blue'],
      description: 'Finds things',
    })
    const gamma = await createAgent(server, { name: 'gamma', tags: ['blue'] })
    const names = async (query: string) =>
      (await json<AgentState[]>(server.app.request(`/v1/agents/?${query}`))).map((a) => a.name)
    expect(await names('')).toEqual(['gamma', 'beta', 'alpha'])
    expect(await names('order=asc')).toEqual(['alpha', 'beta', 'gamma'])
    expect(await names('name=beta')).toEqual(['beta'])
    expect(await names('tags=red')).toEqual(['beta', 'alpha'])
    expect(await names('tags=red&tags=blue&match_all_tags=true')).toEqual(['beta'])
    expect(await names('query_text=FINDS')).toEqual(['beta'])
    expect(await names('query_text=amm')).toEqual(['gamma'])
    expect(await names(`after=${gamma.id}&limit=1`)).toEqual(['beta'])
    expect(await names(`before=${alpha.id}`)).toEqual(['gamma', 'beta'])
    expect(await json(server.app.request('/v1/agents/count'))).toBe(3)
    expect(await json(server.app.request('/v1/agents/count?tags=blue'))).toBe(2)
    await expectDetail(server.app.request(`/v1/agents/?after=${beta.id.replace(/.$/, '0')}x`), 400)
  })

  it('updates the fields sent and replaces the tool set with tool_ids', async () => {
    const server = createTestApp({ llmProvider: provider })
    const tool = await createTool(server, { source_code: toolSource('shout') })
    const agent = await createAgent(server, { name: 'before', tags: ['x'], description: 'keep' })
    const response = await send(server, 'PATCH', `/v1/agents/${agent.id}`, {
      name: 'after',
      tags: ['y'],
      tool_ids: [tool.id],
      model: 'gpt-4o-mini',
    })
    const updated = await json<AgentState>(response)
    expect(response.status).toBe(200)
    expect(updated).toMatchObject({
      name: 'after',
      tags: ['y'],
      description: 'keep',
      model: 'openai/gpt-4o-mini',
    })
    expect(updated.tools.map((t) => t.name)).toEqual(['shout'])
    expect(updated.updated_at >= agent.updated_at).toBe(true)
  })

  it('deletes an agent with its blocks', async () => {
    const server = createTestApp()
    const agent = await createAgent(server, { memory_blocks: [{ label: 'human', value: 'x' }] })
    const response = await send(server, 'DELETE', `/v1/agents/${agent.id}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toBeNull()
    await expectDetail(server.app.request(`/v1/agents/${agent.id}`), 404)
    await expectDetail(send(server, 'DELETE', `/v1/agents/${agent.id}`), 404)
    expect(server.db.prepare('SELECT count(*) AS n FROM blocks').get()).toEqual({ n: 0 })
  })
})

describe('agents: bad input', () => {
  it('answers 404 for an unknown agent on every route', async () => {
    const server = createTestApp()
    const missing = 'agent-00000000-0000-4000-8000-000000000000'
    for (const [method, path] of [
      ['GET', `/v1/agents/${missing}`],
      ['PATCH', `/v1/agents/${missing}`],
      ['GET', `/v1/agents/${missing}/core-memory/blocks`],
      ['GET', `/v1/agents/${missing}/core-memory/blocks/human`],
      ['GET', `/v1/agents/${missing}/tools`],
      ['GET', `/v1/agents/${missing}/folders`],
    ] as const) {
      const detail = await expectDetail(
        send(server, method, path, method === 'PATCH' ? {} : undefined),
        404,
      )
      expect(detail).toContain(missing)
    }
  })

  it('refuses an unknown model handle, an unknown embedding and unknown tools or folders', async () => {
    const server = createTestApp({ llmProvider: provider })
    expect(
      await expectDetail(send(server, 'POST', '/v1/agents', { model: 'openai/gpt-9' }), 400),
    ).toContain('openai/gpt-4o-mini')
    await expectDetail(send(server, 'POST', '/v1/agents', { embedding: 'nope/nothing' }), 400)
    await expectDetail(send(server, 'POST', '/v1/agents', { tools: ['no_such_tool'] }), 404)
    await expectDetail(
      send(server, 'POST', '/v1/agents', {
        tool_ids: ['tool-00000000-0000-4000-8000-000000000000'],
      }),
      404,
    )
    await expectDetail(
      send(server, 'POST', '/v1/agents', {
        folder_ids: ['source-00000000-0000-4000-8000-000000000000'],
      }),
      404,
    )
    const agent = await createAgent(server)
    await expectDetail(send(server, 'PATCH', `/v1/agents/${agent.id}`, { model: 'x/y' }), 400)
    expect(await json(server.app.request('/v1/agents/count'))).toBe(1)
  })

  it('refuses a model handle when no provider is configured, naming the flag', async () => {
    const server = createTestApp()
    const detail = await expectDetail(
      send(server, 'POST', '/v1/agents', { model: 'openai/gpt-4o-mini' }),
      400,
    )
    expect(detail).toContain('--llm-endpoint')
  })

  it('refuses blocks over their limit, duplicate labels and oversized or malformed bodies', async () => {
    const server = createTestApp()
    await expectDetail(
      send(server, 'POST', '/v1/agents', {
        memory_blocks: [{ label: 'human', value: 'abcdef', limit: 5 }],
      }),
      400,
    )
    await expectDetail(
      send(server, 'POST', '/v1/agents', {
        memory_blocks: [
          { label: 'human', value: 'a' },
          { label: 'human', value: 'b' },
        ],
      }),
      400,
    )
    await expectDetail(send(server, 'POST', '/v1/agents', { name: 'x'.repeat(300) }), 422)
    await expectDetail(send(server, 'POST', '/v1/agents', { tags: Array(101).fill('t') }), 422)
    await expectDetail(send(server, 'POST', '/v1/agents', { agent_type: 'robot' }), 422)
    expect(await json(server.app.request('/v1/agents/count'))).toBe(0)
  })
})

describe('core memory', () => {
  it('lists, reads and edits blocks by label, within their limits', async () => {
    const server = createTestApp()
    const agent = await createAgent(server, {
      memory_blocks: [
        { label: 'persona', value: 'kind', limit: 20 },
        { label: 'human', value: 'Ada' },
      ],
    })
    const base = `/v1/agents/${agent.id}/core-memory/blocks`
    const listed = await json<Block[]>(server.app.request(base))
    expect(listed.map((block) => block.label)).toEqual(['persona', 'human'])
    expect(await json(server.app.request(`${base}/human`))).toMatchObject({
      label: 'human',
      value: 'Ada',
    })

    const edited = await json<Block>(
      send(server, 'PATCH', `${base}/persona`, { value: 'very kind', description: 'me' }),
    )
    expect(edited).toMatchObject({
      label: 'persona',
      value: 'very kind',
      description: 'me',
      limit: 20,
    })

    const detail = await expectDetail(
      send(server, 'PATCH', `${base}/persona`, { value: 'x'.repeat(21) }),
      400,
    )
    expect(detail).toContain('limit of 20')
    await expectDetail(send(server, 'PATCH', `${base}/persona`, { limit: 3 }), 400)
    expect(await json(server.app.request(`${base}/persona`))).toMatchObject({
      value: 'very kind',
      limit: 20,
    })

    await expectDetail(send(server, 'PATCH', `${base}/persona`, { label: 'human' }), 409)
    await expectDetail(server.app.request(`${base}/nothing`), 404)
    const memory = await json<{ blocks: Block[] }>(
      server.app.request(`/v1/agents/${agent.id}/core-memory`),
    )
    expect(memory.blocks.map((block) => block.value)).toEqual(['very kind', 'Ada'])
  })
})

describe('attach and detach', () => {
  it('attaches and detaches tools, and answers 404 for an unknown tool', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { source_code: toolSource('shout') })
    const agent = await createAgent(server, { include_base_tools: false })
    const attached = await json<AgentState>(
      send(server, 'PATCH', `/v1/agents/${agent.id}/tools/attach/${tool.id}`),
    )
    expect(attached.tools.map((t) => t.id)).toEqual([tool.id])
    const again = await json<AgentState>(
      send(server, 'PATCH', `/v1/agents/${agent.id}/tools/attach/${tool.id}`),
    )
    expect(again.tools).toHaveLength(1)
    expect(await json(server.app.request(`/v1/agents/${agent.id}/tools`))).toEqual(attached.tools)
    const detached = await json<AgentState>(
      send(server, 'PATCH', `/v1/agents/${agent.id}/tools/detach/${tool.id}`),
    )
    expect(detached.tools).toEqual([])
    const unknown = 'tool-00000000-0000-4000-8000-000000000000'
    expect(
      await expectDetail(
        send(server, 'PATCH', `/v1/agents/${agent.id}/tools/attach/${unknown}`),
        404,
      ),
    ).toContain(unknown)
  })

  it('attaches folders in both forms, and a deleted tool or folder leaves the agent', async () => {
    const server = createTestApp()
    const source = await json<{ id: string }>(send(server, 'POST', '/v1/folders', { name: 'docs' }))
    const tool = await createTool(server, { source_code: toolSource('shout') })
    const agent = await createAgent(server, { include_base_tools: false, tool_ids: [tool.id] })
    const viaFolders = await json<AgentState>(
      send(server, 'PATCH', `/v1/agents/${agent.id}/folders/attach/${source.id}`),
    )
    expect(viaFolders.sources.map((s) => s.id)).toEqual([source.id])
    expect(
      (await json<{ id: string }[]>(server.app.request(`/v1/agents/${agent.id}/sources`))).map(
        (s) => s.id,
      ),
    ).toEqual([source.id])
    const detached = await json<AgentState>(
      send(server, 'PATCH', `/v1/agents/${agent.id}/sources/detach/${source.id}`),
    )
    expect(detached.sources).toEqual([])
    await send(server, 'PATCH', `/v1/agents/${agent.id}/sources/attach/${source.id}`)
    await send(server, 'DELETE', `/v1/sources/${source.id}`)
    await send(server, 'DELETE', `/v1/tools/${tool.id}`)
    const after = await json<AgentState>(server.app.request(`/v1/agents/${agent.id}`))
    expect(after.sources).toEqual([])
    expect(after.tools).toEqual([])
    await expectDetail(
      send(
        server,
        'PATCH',
        `/v1/agents/${agent.id}/folders/attach/source-00000000-0000-4000-8000-000000000000`,
      ),
      404,
    )
  })
})

describe('LLM provider configuration', () => {
  it('reads the flags, then the environment, with OPENAI_API_KEY as the last key', () => {
    expect(parseConfig([], {}, '/project').llmProvider).toBeUndefined()
    const env = {
      LETTA_ADMIN_LLM_ENDPOINT: 'http://localhost:11434/v1/',
      LETTA_ADMIN_LLM_MODEL: 'llama3.1',
      OPENAI_API_KEY: 'sk-openai',
    }
    expect(parseConfig([], env, '/project').llmProvider).toEqual({
      endpoint: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: 'sk-openai',
    })
    expect(
      parseConfig(
        [
          '--llm-endpoint',
          'https://api.openai.com/v1',
          '--llm-model',
          'gpt-4o-mini',
          '--llm-api-key',
          'sk-flag',
        ],
        { ...env, LETTA_ADMIN_LLM_API_KEY: 'sk-env' },
        '/project',
      ).llmProvider,
    ).toEqual({ endpoint: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: 'sk-flag' })
    expect(
      parseConfig([], { ...env, LETTA_ADMIN_LLM_API_KEY: 'sk-env' }, '/project').llmProvider
        ?.apiKey,
    ).toBe('sk-env')
  })

  it('refuses an endpoint without a model, and one that is not http', () => {
    expect(() =>
      parseConfig(['--llm-endpoint', 'http://localhost:11434/v1'], {}, '/project'),
    ).toThrow(/--llm-model/)
    expect(() =>
      parseConfig(['--llm-endpoint', 'ftp://x', '--llm-model', 'm'], {}, '/project'),
    ).toThrow(ConfigError)
  })
})
