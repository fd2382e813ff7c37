import { expect } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { AgentState } from '../services/agents/agent-service.ts'
import { json } from './helpers.ts'

export function send(server: LettaAdminApp, method: string, path: string, body?: unknown) {
  return server.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

export async function createAgent(
  server: LettaAdminApp,
  body: Record<string, unknown> = {},
): Promise<AgentState> {
  const response = await send(server, 'POST', '/v1/agents/', body)
  const created = await json<AgentState>(response)
  expect(response.status, JSON.stringify(created)).toBe(200)
  return created
}

/** Expects a `{detail}` error with the status, and returns the detail text. */
export async function expectDetail(response: Response | Promise<Response>, status: number) {
  const answered = await response
  const body = await json<{ detail: string }>(answered)
  expect(answered.status, JSON.stringify(body)).toBe(status)
  expect(typeof body.detail).toBe('string')
  return body.detail
}
