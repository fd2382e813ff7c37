import { expect } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { Tool } from '../storage/tools-repository.ts'
import { json } from './helpers.ts'

/** Letta's built-in tools, in the order a fresh server lists them. */
export const BASE_TOOL_NAMES = [
  'send_message',
  'conversation_search',
  'archival_memory_insert',
  'archival_memory_search',
  'core_memory_append',
  'core_memory_replace',
  'memory_replace',
  'memory_insert',
]

/** A Python tool with a docstring that documents both of its parameters. */
export function toolSource(name: string, docstring = 'Does a thing.'): string {
  return `def ${name}(text: str, times: int = 1) -> str:
    """${docstring}

    Args:
        text: The text to use.
        times: How often.
    """
    return text * times
`
}

export function send(server: LettaAdminApp, method: string, path: string, body?: unknown) {
  return server.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

export async function createTool(
  server: LettaAdminApp,
  body: Record<string, unknown>,
): Promise<Tool> {
  const response = await send(server, 'POST', '/v1/tools', body)
  expect(response.status).toBe(200)
  return json<Tool>(response)
}

export async function countTools(server: LettaAdminApp, query = ''): Promise<number> {
  const response = await server.app.request(`/v1/tools/count?${query}`)
  expect(response.status).toBe(200)
  return json<number>(response)
}
