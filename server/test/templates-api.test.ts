import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { AgentState } from '../services/agents/agent-service.ts'
import { fillVariables, missingVariables, variablesIn } from '../services/templates/variables.ts'
import { createAgent, expectDetail, send } from './agents-helpers.ts'
import { createTestApp, json } from './helpers.ts'
import { createTool } from './tools-helpers.ts'

const provider = { endpoint: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini', apiKey: undefined }
const PROJECT = 'default-project'

interface TemplateView {
  id: string
  name: string
  latest_version: string
  variables: string[]
  source_agent_id: string | null
  source_agent_name: string | null
  agent_count: number
  template_deployment_slug: string
}

interface Snapshot {
  version: string
  message: string | null
  system: string
  model: string | null
  variables: string[]
  blocks: { label: string; value: string; limit: number }[]
  tools: { id: string; name: string }[]
}

async function designedAgent(server: LettaAdminApp, name = 'Support Desk') {
  return createAgent(server, {
    name,
    system: 'You help customers. {CORE_MEMORY}',
    memory_blocks: [
      { label: 'persona', value: 'I am the support desk.', limit: 2000 },
      { label: 'human', value: 'Unknown customer' },
    ],
    tags: ['support'],
  })
}

async function saveAsTemplate(server: LettaAdminApp, agentId: string, body?: unknown) {
  const response = await send(server, 'POST', `/v1/agents/${agentId}/template`, body ?? {})
  const created = await json<{ templateName: string; templateId: string }>(response)
  expect(response.status, JSON.stringify(created)).toBe(201)
  return created
}

async function setBlock(server: LettaAdminApp, agentId: string, label: string, value: string) {
  const response = await send(
    server,
    'PATCH',
    `/v1/agents/${agentId}/core-memory/blocks/${label}`,
    { value },
  )
  expect(response.status).toBe(200)
}

async function newVersion(server: LettaAdminApp, agentId: string, message: string) {
  const response = await send(server, 'POST', `/v1/agents/${agentId}/version-template`, {
    message,
  })
  const body = await json<{ templateName: string; version: string }>(response)
  expect(response.status, JSON.stringify(body)).toBe(201)
  return body
}

async function createFrom(server: LettaAdminApp, reference: string, body: unknown) {
  return send(server, 'POST', `/v1/templates/${reference}/agents`, body)
}

describe('memory variables', () => {
  it('finds, fills and reports placeholders', () => {
    const texts = ['Hi {{ name }} from {{city}}', '{{name}} again, {{not-a-var}}']
    expect(variablesIn(texts)).toEqual(['name', 'city'])
    expect(fillVariables(texts[0] ?? '', { name: '$& Ada', city: 'Paris' })).toBe(
      'Hi $& Ada from Paris',
    )
    expect(fillVariables('{{a}} {{b}}', { a: '1' })).toBe('1 {{b}}')
    expect(missingVariables(texts, { city: '' })).toEqual(['name'])
  })
})

describe('templates from agents', () => {
  it('saves an agent as version 1 with its system prompt, blocks, tools and model', async () => {
    const server = createTestApp({ llmProvider: provider })
    const agent = await designedAgent(server)
    const created = await saveAsTemplate(server, agent.id)
    expect(created).toEqual({
      templateName: 'Support-Desk',
      templateId: expect.stringMatching(/^template-[0-9a-f-]{36}$/),
    })

    const list = await json<{ templates: TemplateView[]; has_next_page: boolean }>(
      server.app.request('/v1/templates'),
    )
    expect(list.has_next_page).toBe(false)
    expect(list.templates).toEqual([
      expect.objectContaining({
        id: created.templateId,
        name: 'Support-Desk',
        project_id: PROJECT,
        latest_version: '1',
        template_deployment_slug: `${PROJECT}/Support-Desk:1`,
        source_agent_id: agent.id,
        source_agent_name: 'Support Desk',
        variables: [],
        agent_count: 1,
      }),
    ])

    const snapshot = await json<Snapshot>(
      server.app.request(`/v1/templates/${PROJECT}/Support-Desk:1/snapshot`),
    )
    expect(snapshot).toMatchObject({
      version: '1',
      is_latest: true,
      system: 'You help customers. {CORE_MEMORY}',
      model: 'openai/gpt-4o-mini',
      tags: ['support'],
      blocks: [
        { label: 'persona', value: 'I am the support desk.', limit: 2000 },
        { label: 'human', value: 'Unknown customer', limit: 100000 },
      ],
    })
    expect(snapshot.tools.map((tool) => tool.name).sort()).toEqual(
      agent.tools.map((tool) => tool.name).sort(),
    )

    // The agent now belongs to the template, at version 1.
    const after = await json<AgentState>(server.app.request(`/v1/agents/${agent.id}`))
    expect(after.template_id).toBe(created.templateId)
    expect(await json(server.app.request(`/v1/agents/${agent.id}/core-memory/variables`))).toEqual({
      variables: {},
      template: { id: created.templateId, name: 'Support-Desk', version: '1', exists: true },
    })
  })

  it('gives a taken name a suffix, and refuses a taken or malformed explicit name', async () => {
    const server = createTestApp()
    const first = await designedAgent(server)
    const second = await designedAgent(server)
    await saveAsTemplate(server, first.id)
    expect((await saveAsTemplate(server, second.id)).templateName).toBe('Support-Desk-2')
    const taken = await expectDetail(
      send(server, 'POST', `/v1/agents/${first.id}/template`, { name: 'Support-Desk' }),
      409,
    )
    expect(taken).toContain('Support-Desk')
    await expectDetail(
      send(server, 'POST', `/v1/agents/${first.id}/template`, { name: 'has space' }),
      422,
    )
    await expectDetail(
      send(server, 'POST', '/v1/agents/agent-00000000-0000-4000-8000-000000000000/template', {}),
      404,
    )
    await expectDetail(
      send(
        server,
        'POST',
        '/v1/agents/agent-00000000-0000-4000-8000-000000000000/version-template',
        { message: 'x' },
      ),
      404,
    )
  })

  it('versions are immutable snapshots; version-template adds the next one with its message', async () => {
    const server = createTestApp()
    const agent = await designedAgent(server)
    const { templateName } = await saveAsTemplate(server, agent.id)
    await setBlock(server, agent.id, 'human', 'Customer: {{customer}} in {{city}}')
    expect(await newVersion(server, agent.id, 'Ask for the customer')).toEqual({
      templateName,
      templateId: expect.any(String),
      version: '2',
    })
    await setBlock(server, agent.id, 'human', 'Changed after version 2')

    const v1 = await json<Snapshot>(
      server.app.request(`/v1/templates/${PROJECT}/${templateName}:1/snapshot`),
    )
    const v2 = await json<Snapshot>(
      server.app.request(`/v1/templates/${PROJECT}/${templateName}:latest/snapshot`),
    )
    expect(v1.blocks[1]?.value).toBe('Unknown customer')
    expect(v2).toMatchObject({ version: '2', message: 'Ask for the customer' })
    expect(v2.blocks[1]?.value).toBe('Customer: {{customer}} in {{city}}')
    expect(v2.variables).toEqual(['customer', 'city'])

    const versions = await json(
      server.app.request(`/v1/templates/${PROJECT}/${templateName}/versions`),
    )
    expect(versions).toEqual({
      versions: [
        {
          version: '2',
          created_at: expect.any(String),
          message: 'Ask for the customer',
          is_latest: true,
          variables: ['customer', 'city'],
        },
        { version: '1', created_at: expect.any(String), is_latest: false, variables: [] },
      ],
      has_next_page: false,
      total_count: 2,
    })
    const paged = await json<{ versions: { version: string }[]; has_next_page: boolean }>(
      server.app.request(`/v1/templates/${PROJECT}/${templateName}/versions?limit=1`),
    )
    expect(paged.versions.map((v) => v.version)).toEqual(['2'])
    expect(paged.has_next_page).toBe(true)
  })

  it('version-template makes a new template for an agent that has none, and can return the agent', async () => {
    const server = createTestApp()
    const agent = await designedAgent(server, 'fresh')
    const response = await send(
      server,
      'POST',
      `/v1/agents/${agent.id}/version-template?returnAgentState=true`,
      { message: 'first' },
    )
    expect(response.status).toBe(201)
    const state = await json<AgentState>(response)
    expect(state.id).toBe(agent.id)
    expect(state.template_id).toMatch(/^template-/)
    const versions = await json<{ versions: { version: string; message: string }[] }>(
      server.app.request(`/v1/templates/${PROJECT}/fresh/versions`),
    )
    expect(versions.versions).toEqual([expect.objectContaining({ version: '1', message: 'first' })])
    // No body at all is accepted too.
    const bare = await server.app.request(`/v1/agents/${agent.id}/version-template`, {
      method: 'POST',
    })
    expect(bare.status).toBe(201)
    expect((await json<{ version: string }>(bare)).version).toBe('2')
  })
})

describe('agents from templates', () => {
  async function templateWithVariables(server: LettaAdminApp) {
    const tool = await createTool(server, {
      source_code:
        'def shout(text: str) -> str:\n    """Shout.\n\n    Args:\n        text: What to shout.\n    """\n    return text.upper()\n',
    })
    const agent = await createAgent(server, {
      name: 'concierge',
      system: 'Concierge. {CORE_MEMORY}',
      memory_blocks: [
        { label: 'human', value: 'Guest {{guest}} stays in {{city}}; {{guest}} likes tea.' },
        { label: 'persona', value: 'Polite.' },
      ],
      tool_ids: [tool.id],
      include_base_tools: false,
    })
    const { templateName } = await saveAsTemplate(server, agent.id)
    return { templateName, agent, tool }
  }

  it('fills variables, keeps them and the version on the new agent', async () => {
    const server = createTestApp()
    const { templateName, tool } = await templateWithVariables(server)
    const response = await createFrom(server, `${templateName}:latest`, {
      agent_name: 'Paris desk',
      tags: ['paris'],
      memory_variables: { guest: 'Ada', city: 'Paris' },
    })
    const created = await json<{ agent_ids: string[]; group_id: null; deployment_id: string }>(
      response,
    )
    expect(response.status, JSON.stringify(created)).toBe(201)
    expect(created).toEqual({
      agent_ids: [expect.stringMatching(/^agent-/)],
      group_id: null,
      deployment_id: expect.stringMatching(/^deployment-/),
    })
    const agentId = created.agent_ids[0] ?? ''
    const agent = await json<AgentState>(server.app.request(`/v1/agents/${agentId}`))
    expect(agent).toMatchObject({
      name: 'Paris desk',
      system: 'Concierge. {CORE_MEMORY}',
      tags: ['paris'],
      deployment_id: created.deployment_id,
    })
    expect(agent.blocks.map((block) => block.value)).toEqual([
      'Guest Ada stays in Paris; Ada likes tea.',
      'Polite.',
    ])
    expect(agent.tools.map((t) => t.id)).toEqual([tool.id])
    expect(
      await json(server.app.request(`/v1/agents/${agentId}/core-memory/variables`)),
    ).toMatchObject({
      variables: { guest: 'Ada', city: 'Paris' },
      template: { name: templateName, version: '1', exists: true },
    })
    const list = await json<{ templates: TemplateView[] }>(
      server.app.request(`/v1/templates?name=${templateName}`),
    )
    expect(list.templates[0]).toMatchObject({ variables: ['guest', 'city'], agent_count: 2 })

    // Deleting the template keeps the agent and its variables.
    const deleted = await send(server, 'DELETE', `/v1/templates/${templateName}`)
    expect(await json(deleted)).toEqual({ success: true })
    expect(
      await json(server.app.request(`/v1/agents/${agentId}/core-memory/variables`)),
    ).toMatchObject({ variables: { guest: 'Ada', city: 'Paris' }, template: { exists: false } })
    await expectDetail(send(server, 'DELETE', `/v1/templates/${templateName}`), 404)
  })

  it('names every missing variable in one 400 and creates nothing', async () => {
    const server = createTestApp()
    const { templateName } = await templateWithVariables(server)
    const before = await json<number>(server.app.request('/v1/agents/count'))
    const detail = await expectDetail(
      createFrom(server, `${templateName}:1`, { memory_variables: { city: 'Oslo' } }),
      400,
    )
    expect(detail).toContain('guest')
    expect(detail).not.toContain('city')
    const none = await expectDetail(createFrom(server, `${templateName}:1`, {}), 400)
    expect(none).toMatch(/guest, city/)
    expect(await json<number>(server.app.request('/v1/agents/count'))).toBe(before)
  })

  it('answers 404 for an unknown template or version and 400 for a malformed one', async () => {
    const server = createTestApp()
    const { templateName } = await templateWithVariables(server)
    expect(await expectDetail(createFrom(server, 'nobody:1', {}), 404)).toContain('nobody')
    expect(await expectDetail(createFrom(server, `${templateName}:7`, {}), 404)).toContain(
      'version 7',
    )
    await expectDetail(createFrom(server, templateName, {}), 400)
    await expectDetail(createFrom(server, `${templateName}:first`, {}), 400)
    await expectDetail(server.app.request(`/v1/templates/${PROJECT}/nobody:1/snapshot`), 404)
    await expectDetail(
      server.app.request(`/v1/templates/${PROJECT}/${templateName}:9/snapshot`),
      404,
    )
    await expectDetail(server.app.request(`/v1/templates/${PROJECT}/nobody/versions`), 404)
    await expectDetail(
      server.app.request(`/v1/templates/other-project/${templateName}/versions`),
      404,
    )
    await expectDetail(
      server.app.request(
        '/v1/agents/agent-00000000-0000-4000-8000-000000000000/core-memory/variables',
      ),
      404,
    )
  })

  it('refuses a bad variable name with 422, and an over-long value or one that overflows a block with 400', async () => {
    const server = createTestApp()
    const agent = await createAgent(server, {
      name: 'tiny',
      memory_blocks: [{ label: 'human', value: 'Hi {{who}}', limit: 20 }],
    })
    const { templateName } = await saveAsTemplate(server, agent.id)
    await expectDetail(
      createFrom(server, `${templateName}:1`, { memory_variables: { 'bad-name': 'x' } }),
      422,
    )
    await expectDetail(
      createFrom(server, `${templateName}:1`, { memory_variables: { who: 'x'.repeat(10_001) } }),
      400,
    )
    const overflow = await expectDetail(
      createFrom(server, `${templateName}:1`, { memory_variables: { who: 'a much longer name' } }),
      400,
    )
    expect(overflow).toContain('human')
  })

  it('says which tools were deleted since the version was saved', async () => {
    const server = createTestApp()
    const { templateName, tool } = await templateWithVariables(server)
    expect((await send(server, 'DELETE', `/v1/tools/${tool.id}`)).status).toBe(200)
    const detail = await expectDetail(
      createFrom(server, `${templateName}:1`, { memory_variables: { guest: 'A', city: 'B' } }),
      409,
    )
    expect(detail).toContain('shout')
  })
})

describe('template list', () => {
  it('pages with offset and limit, filters by exact name and by search', async () => {
    const server = createTestApp()
    for (const name of ['alpha', 'beta', 'alphabet']) {
      const agent = await designedAgent(server, name)
      await saveAsTemplate(server, agent.id)
    }
    const page = await json<{ templates: TemplateView[]; has_next_page: boolean }>(
      server.app.request('/v1/templates?limit=2&sort_by=created_at'),
    )
    expect(page.templates.map((t) => t.name)).toEqual(['alphabet', 'beta'])
    expect(page.has_next_page).toBe(true)
    const rest = await json<{ templates: TemplateView[]; has_next_page: boolean }>(
      server.app.request('/v1/templates?limit=2&offset=2&sort_by=created_at'),
    )
    expect(rest.templates.map((t) => t.name)).toEqual(['alpha'])
    expect(rest.has_next_page).toBe(false)
    const search = await json<{ templates: TemplateView[] }>(
      server.app.request('/v1/templates?search=ALPHA'),
    )
    expect(search.templates.map((t) => t.name).sort()).toEqual(['alpha', 'alphabet'])
    const exact = await json<{ templates: TemplateView[] }>(
      server.app.request('/v1/templates?name=alpha'),
    )
    expect(exact.templates.map((t) => t.name)).toEqual(['alpha'])
    await expectDetail(server.app.request('/v1/templates?limit=1000'), 422)
    await expectDetail(server.app.request('/v1/templates?offset=-1'), 422)
  })
})
