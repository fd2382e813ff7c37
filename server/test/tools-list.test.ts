import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { Tool } from '../storage/tools-repository.ts'
import { createTestApp, json } from './helpers.ts'
import { BASE_TOOL_NAMES, countTools, createTool, toolSource } from './tools-helpers.ts'

async function listNames(server: LettaAdminApp, query: string): Promise<string[]> {
  const response = await server.app.request(`/v1/tools?${query}`)
  expect(response.status).toBe(200)
  return (await json<Tool[]>(response)).map((tool) => tool.name)
}

describe('listing tools', () => {
  async function seeded() {
    const server = createTestApp()
    const specs = [
      { name: 'alpha_weather', tags: ['weather', 'Outdoor'], doc: 'Get the forecast.' },
      { name: 'beta_math', tags: ['math'], doc: 'Add numbers.' },
      { name: 'gamma_files', tags: ['files'], doc: 'Read a file about WEATHER stations.' },
      { name: 'delta_math', tags: ['math', 'weather'], doc: 'Multiply numbers.' },
    ]
    const tools: Tool[] = []
    for (const spec of specs) {
      tools.push(
        await createTool(server, { source_code: toolSource(spec.name, spec.doc), tags: spec.tags }),
      )
    }
    return { server, tools }
  }

  it('lists built-ins then custom tools in creation order, with or without the trailing slash', async () => {
    const { server } = await seeded()
    for (const path of ['/v1/tools', '/v1/tools/']) {
      const names = (await json<Tool[]>(server.app.request(path))).map((tool) => tool.name)
      expect(names).toEqual([
        ...BASE_TOOL_NAMES,
        'alpha_weather',
        'beta_math',
        'gamma_files',
        'delta_math',
      ])
    }
    expect((await server.app.request('/v1/tools/count/')).status).toBe(200)
  })

  it('filters by name, search (name, description, tags; any case), tool_types and tags', async () => {
    const { server } = await seeded()
    expect(await listNames(server, 'name=beta_math')).toEqual(['beta_math'])
    expect(await listNames(server, 'search=Weather&tool_types=custom')).toEqual([
      'alpha_weather',
      'gamma_files',
      'delta_math',
    ])
    expect(await listNames(server, 'search=outdoor')).toEqual(['alpha_weather'])
    expect(await listNames(server, 'search=NUMBERS')).toEqual(['beta_math', 'delta_math'])
    expect(await listNames(server, 'search=100%25')).toEqual([])
    expect(await listNames(server, 'tags=math')).toEqual(['beta_math', 'delta_math'])
    expect(await listNames(server, 'tags=files&tags=math')).toEqual([
      'beta_math',
      'gamma_files',
      'delta_math',
    ])
    expect(await listNames(server, 'tags=files,math')).toEqual([
      'beta_math',
      'gamma_files',
      'delta_math',
    ])
    expect(await listNames(server, 'tool_types=letta_memory_core')).toEqual([
      'core_memory_append',
      'core_memory_replace',
      'memory_replace',
      'memory_insert',
    ])
    expect(await listNames(server, 'tool_types=letta_memory_core,custom&search=math')).toEqual([
      'beta_math',
      'delta_math',
    ])
    expect(
      await listNames(
        server,
        'tool_types=letta_memory_core&tool_types=custom&search=core_memory_a',
      ),
    ).toEqual(['core_memory_append'])
    expect(
      await listNames(server, 'exclude_tool_types=letta_core,letta_memory_core&limit=2'),
    ).toEqual(['alpha_weather', 'beta_math'])
    expect(await listNames(server, 'names=beta_math,gamma_files')).toEqual([
      'beta_math',
      'gamma_files',
    ])
  })

  it('counts with the same filters', async () => {
    const { server } = await seeded()
    expect(await countTools(server, 'search=weather')).toBe(3)
    expect(await countTools(server, 'tags=math')).toBe(2)
    expect(await countTools(server, 'tool_types=letta_core')).toBe(0)
    expect(await countTools(server, 'tool_types=letta_core&include_base_tools=true')).toBe(4)
    expect(await countTools(server, 'include_base_tools=true&exclude_letta_tools=true')).toBe(4)
  })

  it('pages with limit, after, before and order', async () => {
    const { server, tools } = await seeded()
    const [alpha, beta, gamma, delta] = tools.map((tool) => tool.id)
    expect(await listNames(server, 'tool_types=custom&limit=2')).toEqual([
      'alpha_weather',
      'beta_math',
    ])
    expect(await listNames(server, `tool_types=custom&limit=2&after=${beta}`)).toEqual([
      'gamma_files',
      'delta_math',
    ])
    expect(await listNames(server, `tool_types=custom&after=${delta}`)).toEqual([])
    expect(await listNames(server, `tool_types=custom&before=${gamma}`)).toEqual([
      'alpha_weather',
      'beta_math',
    ])
    expect(await listNames(server, 'tool_types=custom&order=desc&limit=3')).toEqual([
      'delta_math',
      'gamma_files',
      'beta_math',
    ])
    expect(await listNames(server, `tool_types=custom&order=desc&after=${gamma}`)).toEqual([
      'beta_math',
      'alpha_weather',
    ])
    expect(await listNames(server, `after=${alpha}&before=${delta}`)).toEqual([
      'beta_math',
      'gamma_files',
    ])
    const all = await json<Tool[]>(server.app.request('/v1/tools'))
    expect(all).toHaveLength(BASE_TOOL_NAMES.length + 4)
  })

  it('defaults to 50 per page', async () => {
    const server = createTestApp()
    for (let index = 0; index < 55; index += 1) {
      await createTool(server, { source_code: toolSource(`tool_${index}`) })
    }
    expect(await listNames(server, '')).toHaveLength(50)
    expect(await countTools(server)).toBe(55)
  })

  it('answers 400 for an unknown cursor and 422 for a bad limit or order', async () => {
    const server = createTestApp()
    const unknown = await server.app.request('/v1/tools?after=tool-nope')
    expect(unknown.status).toBe(400)
    expect(await json(unknown)).toEqual({
      detail: 'Cursor tool-nope does not name an item of this list',
    })
    expect((await server.app.request('/v1/tools?limit=0')).status).toBe(422)
    expect((await server.app.request('/v1/tools?limit=ten')).status).toBe(422)
    expect((await server.app.request('/v1/tools?order=sideways')).status).toBe(422)
  })
})
