import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { createApp } from '../app.ts'
import { defaultAppConfig } from '../config.ts'
import type { Tool } from '../storage/tools-repository.ts'
import { createTestApp, json, listen } from './helpers.ts'
import { BASE_TOOL_NAMES, countTools, createTool, send, toolSource } from './tools-helpers.ts'

describe('tools CRUD', () => {
  it('creates a tool from source, deriving name, description and json_schema', async () => {
    const server = createTestApp()
    const tool = await createTool(server, {
      source_code: toolSource('repeat_text'),
      tags: ['text'],
    })
    expect(tool).toEqual({
      id: expect.stringMatching(/^tool-[0-9a-f-]{36}$/),
      tool_type: 'custom',
      description: 'Does a thing.',
      source_type: 'python',
      name: 'repeat_text',
      tags: ['text'],
      source_code: toolSource('repeat_text'),
      json_schema: {
        name: 'repeat_text',
        description: 'Does a thing.',
        parameters: {
          type: 'object',
          properties: {
            text: { type: 'string', description: 'The text to use.' },
            times: { type: 'integer', description: 'How often.', default: 1 },
          },
          required: ['text'],
        },
      },
      args_json_schema: null,
      return_char_limit: 6000,
      pip_requirements: null,
      npm_requirements: null,
      default_requires_approval: null,
      enable_parallel_execution: null,
      created_by_id: expect.stringMatching(/^user-/),
      last_updated_by_id: expect.stringMatching(/^user-/),
      metadata_: null,
      project_id: null,
    })
    const fetched = await server.app.request(`/v1/tools/${tool.id}`)
    expect(await json(fetched)).toEqual(tool)
  })

  it('keeps a given name, description, json_schema and the other fields', async () => {
    const server = createTestApp()
    const given = {
      name: 'custom_name',
      description: 'Mine',
      json_schema: {
        name: 'custom_name',
        description: 'Given',
        parameters: { type: 'object', properties: {}, required: [] },
      },
      return_char_limit: 100,
      pip_requirements: [{ name: 'requests', version: '2.32.0' }],
      npm_requirements: [{ name: 'left-pad' }],
      default_requires_approval: true,
      enable_parallel_execution: false,
      metadata_: { team: 'core' },
    }
    const tool = await createTool(server, {
      ...given,
      source_code: 'print("no function needed when the schema is given")',
    })
    expect(tool).toMatchObject(given)
  })

  it('names the derived json_schema after a given name', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { name: 'shout', source_code: toolSource('f') })
    expect(tool.name).toBe('shout')
    expect(tool.json_schema?.name).toBe('shout')
  })

  it('answers 409 for a duplicate name, built-in names included', async () => {
    const server = createTestApp()
    await createTool(server, { source_code: toolSource('twice') })
    const duplicate = await send(server, 'POST', '/v1/tools', { source_code: toolSource('twice') })
    expect(duplicate.status).toBe(409)
    expect(await json(duplicate)).toEqual({ detail: "Tool with name 'twice' already exists" })
    const builtIn = await send(server, 'POST', '/v1/tools', {
      source_code: toolSource('send_message'),
    })
    expect(builtIn.status).toBe(409)
  })

  it('answers 400 for a name over 48 characters, given or derived', async () => {
    const server = createTestApp()
    const long = 'a'.repeat(49)
    const given = await send(server, 'POST', '/v1/tools', {
      name: long,
      source_code: toolSource('f'),
    })
    expect(given.status).toBe(400)
    expect((await json<{ detail: string }>(given)).detail).toBe(
      `Tool name '${long}' is 49 characters long; the limit is 48`,
    )
    const derived = await send(server, 'POST', '/v1/tools', { source_code: toolSource(long) })
    expect(derived.status).toBe(400)
    await createTool(server, { source_code: toolSource('b'.repeat(48)) })
  })

  it('answers 400 with the rule when the source breaks one, and with the parser message for invalid Python', async () => {
    const server = createTestApp()
    const noDocstring = await send(server, 'POST', '/v1/tools', {
      source_code: 'def f(x: int):\n    return x\n',
    })
    expect(noDocstring.status).toBe(400)
    expect(await json(noDocstring)).toEqual({ detail: 'Function f missing docstring (line 1)' })
    const invalid = await send(server, 'POST', '/v1/tools', {
      source_code: 'def f(x: int\n    return x\n',
    })
    expect(invalid.status).toBe(400)
    expect(await json(invalid)).toEqual({ detail: 'invalid Python at line 2: unexpected "return"' })
    const typescript = await send(server, 'POST', '/v1/tools', {
      source_code: 'export function f() {}',
      source_type: 'typescript',
    })
    expect(typescript.status).toBe(400)
    expect((await json<{ detail: string }>(typescript)).detail).toContain('json_schema is required')
  })

  it('answers 400 for malformed JSON and 422 for bodies that break the schema', async () => {
    const server = createTestApp()
    const malformed = await server.app.request('/v1/tools', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"source_code": ',
    })
    expect(malformed.status).toBe(400)
    expect((await json<{ detail: string }>(malformed)).detail).toMatch(/malformed json/i)
    for (const body of [
      {},
      { source_code: 42 },
      { source_code: toolSource('f'), return_char_limit: 0 },
      { source_code: toolSource('f'), tags: 'not-a-list' },
    ]) {
      const response = await send(server, 'POST', '/v1/tools', body)
      expect(response.status).toBe(422)
      expect(typeof (await json<{ detail: unknown }>(response)).detail).toBe('string')
    }
    const tool = await createTool(server, { source_code: toolSource('f') })
    const badPatch = await send(server, 'PATCH', `/v1/tools/${tool.id}`, {
      return_char_limit: 2_000_000,
    })
    expect(badPatch.status).toBe(422)
  })

  it('patches only the fields sent', async () => {
    const server = createTestApp()
    const tool = await createTool(server, {
      source_code: toolSource('keep'),
      tags: ['a'],
      metadata_: { x: 1 },
    })
    const response = await send(server, 'PATCH', `/v1/tools/${tool.id}`, {
      tags: ['b', 'c'],
      return_char_limit: 10,
    })
    expect(response.status).toBe(200)
    const patched = await json<Tool>(response)
    expect(patched).toEqual({ ...tool, tags: ['b', 'c'], return_char_limit: 10 })
    const cleared = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, { metadata_: null }),
    )
    expect(cleared.metadata_).toBeNull()
    expect(cleared.tags).toEqual(['b', 'c'])
  })

  it('re-derives json_schema, name and a derived description when source_code changes', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { source_code: toolSource('old_name', 'Old doc.') })
    const response = await send(server, 'PATCH', `/v1/tools/${tool.id}`, {
      source_code: toolSource('new_name', 'New doc.'),
    })
    expect(response.status).toBe(200)
    const patched = await json<Tool>(response)
    expect(patched.name).toBe('new_name')
    expect(patched.description).toBe('New doc.')
    expect(patched.json_schema).toMatchObject({ name: 'new_name', description: 'New doc.' })
  })

  it('keeps a name chosen apart from the function when the source changes', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { name: 'shout', source_code: toolSource('f') })
    const patched = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, { source_code: toolSource('g', 'Louder.') }),
    )
    expect(patched.name).toBe('shout')
    expect(patched.json_schema).toMatchObject({ name: 'shout', description: 'Louder.' })
  })

  it('keeps the description and the schema agents read in step, the last edit winning', async () => {
    const server = createTestApp()
    const tool = await createTool(server, {
      source_code: toolSource('f', 'Doc.'),
      description: 'Written by hand',
    })
    // A source edit that leaves the docstring alone keeps the hand-written description.
    const kept = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, {
        source_code: `${toolSource('f', 'Doc.')}# touched\n`,
      }),
    )
    expect(kept.description).toBe('Written by hand')
    expect(kept.json_schema?.description).toBe('Written by hand')

    const described = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, { description: 'Edited here' }),
    )
    expect(described.json_schema?.description).toBe('Edited here')

    const redocumented = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, { source_code: toolSource('f', 'Other doc.') }),
    )
    expect(redocumented.description).toBe('Other doc.')
    expect(redocumented.json_schema?.description).toBe('Other doc.')
  })

  it('keeps a json_schema sent with new source_code', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { source_code: toolSource('f') })
    const jsonSchema = {
      name: 'f',
      description: 'By hand',
      parameters: { type: 'object', properties: {}, required: [] },
    }
    const patched = await json<Tool>(
      send(server, 'PATCH', `/v1/tools/${tool.id}`, {
        source_code: toolSource('g'),
        json_schema: jsonSchema,
      }),
    )
    expect(patched.json_schema).toEqual(jsonSchema)
    expect(patched.name).toBe('f')
    expect(patched.source_code).toBe(toolSource('g'))
  })

  it('answers 400 for new source that breaks a rule, and 409 when its name is taken', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { source_code: toolSource('first') })
    await createTool(server, { source_code: toolSource('second') })
    const invalid = await send(server, 'PATCH', `/v1/tools/${tool.id}`, {
      source_code: 'def first(x):\n    """Doc."""\n',
    })
    expect(invalid.status).toBe(400)
    const taken = await send(server, 'PATCH', `/v1/tools/${tool.id}`, {
      source_code: toolSource('second'),
    })
    expect(taken.status).toBe(409)
    expect((await json<Tool>(server.app.request(`/v1/tools/${tool.id}`))).name).toBe('first')
  })

  it('upserts by name with PUT', async () => {
    const server = createTestApp()
    const created = await json<Tool>(
      send(server, 'PUT', '/v1/tools', {
        source_code: toolSource('upserted', 'One.'),
        tags: ['x'],
      }),
    )
    expect(created.description).toBe('One.')
    const response = await send(server, 'PUT', '/v1/tools/', {
      source_code: toolSource('upserted', 'Two.'),
    })
    expect(response.status).toBe(200)
    const updated = await json<Tool>(response)
    expect(updated.id).toBe(created.id)
    expect(updated.description).toBe('Two.')
    expect(updated.tags).toEqual(['x'])
    expect(await countTools(server)).toBe(1)
  })

  it('deletes a tool; unknown ids answer 404', async () => {
    const server = createTestApp()
    const tool = await createTool(server, { source_code: toolSource('gone') })
    const deleted = await send(server, 'DELETE', `/v1/tools/${tool.id}`)
    expect(deleted.status).toBe(200)
    expect(await deleted.json()).toBeNull()
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { tags: [] }],
      ['DELETE', undefined],
    ] as const) {
      const response = await send(server, method, `/v1/tools/${tool.id}`, body)
      expect(response.status).toBe(404)
      expect(await json(response)).toEqual({ detail: `Tool ${tool.id} not found` })
    }
  })
})

describe('built-in tools', () => {
  it('exist from the first start with Letta types and schemas', async () => {
    const server = createTestApp()
    const tools = await json<Tool[]>(server.app.request('/v1/tools?return_only_letta_tools=true'))
    expect(tools.map((tool) => tool.name)).toEqual(BASE_TOOL_NAMES)
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]))
    expect(byName.send_message?.tool_type).toBe('letta_core')
    expect(byName.core_memory_append?.tool_type).toBe('letta_memory_core')
    expect(byName.send_message?.json_schema).toMatchObject({
      name: 'send_message',
      parameters: { properties: { message: { type: 'string' } }, required: ['message'] },
    })
    expect(byName.archival_memory_search?.json_schema).toMatchObject({
      parameters: {
        properties: {
          query: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          tag_match_mode: { type: 'string', enum: ['any', 'all'], default: 'any' },
          top_k: { type: 'integer' },
        },
        required: ['query'],
      },
    })
    expect(byName.conversation_search?.json_schema).toMatchObject({
      parameters: {
        properties: { roles: { type: 'array', items: { enum: ['assistant', 'user', 'tool'] } } },
        required: [],
      },
    })
    expect(byName.core_memory_replace?.json_schema).toMatchObject({
      parameters: { required: ['label', 'old_content', 'new_content'] },
    })
    for (const tool of tools) expect(tool.source_code).toContain(`def ${tool.name}(`)
  })

  it('are seeded once: a restart on the same data dir keeps their ids and the custom tools', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-tools-'))
    try {
      const first = createApp(defaultAppConfig({ dataDir }))
      const before = await json<Tool[]>(first.app.request('/v1/tools'))
      await createTool(first, { source_code: toolSource('kept') })
      await first.close()
      const second = createApp(defaultAppConfig({ dataDir }))
      const after = await json<Tool[]>(second.app.request('/v1/tools'))
      await second.close()
      expect(after.slice(0, BASE_TOOL_NAMES.length)).toEqual(before)
      expect(after.map((tool) => tool.name)).toEqual([...BASE_TOOL_NAMES, 'kept'])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('cannot be changed or deleted', async () => {
    const server = createTestApp()
    const [sendMessage] = await json<Tool[]>(server.app.request('/v1/tools?name=send_message'))
    const id = sendMessage?.id ?? ''
    const patch = await send(server, 'PATCH', `/v1/tools/${id}`, { description: 'changed' })
    expect(patch.status).toBe(403)
    expect(await json(patch)).toEqual({
      detail: 'send_message is a built-in Letta tool and cannot be changed',
    })
    const remove = await send(server, 'DELETE', `/v1/tools/${id}`)
    expect(remove.status).toBe(403)
    expect(await json(remove)).toEqual({
      detail: 'send_message is a built-in Letta tool and cannot be deleted',
    })
    const upsert = await send(server, 'PUT', '/v1/tools', {
      source_code: toolSource('send_message'),
    })
    expect(upsert.status).toBe(403)
    expect(await json(server.app.request(`/v1/tools/${id}`))).toEqual(sendMessage)
  })

  it('are counted only with include_base_tools=true', async () => {
    const server = createTestApp()
    expect(await countTools(server)).toBe(0)
    expect(await countTools(server, 'include_base_tools=false')).toBe(0)
    expect(await countTools(server, 'include_base_tools=true')).toBe(BASE_TOOL_NAMES.length)
    await createTool(server, { source_code: toolSource('mine') })
    expect(await countTools(server)).toBe(1)
    expect(await countTools(server, 'include_base_tools=true')).toBe(BASE_TOOL_NAMES.length + 1)
    const invalid = await server.app.request('/v1/tools/count?include_base_tools=maybe')
    expect(invalid.status).toBe(422)
  })
})

describe('tools over real HTTP', () => {
  it('creates, lists, counts and deletes through a listening server', async () => {
    const server = createTestApp()
    const { url, close } = await listen(server)
    try {
      const created = await fetch(`${url}/v1/tools/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source_code: toolSource('over_http') }),
      })
      expect(created.status).toBe(200)
      const tool = (await created.json()) as Tool
      const listed = (await (await fetch(`${url}/v1/tools?tool_types=custom`)).json()) as Tool[]
      expect(listed.map((item) => item.id)).toEqual([tool.id])
      expect(await (await fetch(`${url}/v1/tools/count`)).json()).toBe(1)
      const deleted = await fetch(`${url}/v1/tools/${tool.id}/`, { method: 'DELETE' })
      expect(deleted.status).toBe(200)
      expect((await fetch(`${url}/v1/tools/${tool.id}`)).status).toBe(404)
    } finally {
      await close()
    }
  })
})
