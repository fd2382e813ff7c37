import { afterEach, expect } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { AppConfig } from '../config.ts'
import type { AgentState } from '../services/agents/agent-service.ts'
import type { Run } from '../storage/runs-repository.ts'
import { createTestApp, json } from './helpers.ts'
import { startScriptedProvider, type ScriptedProvider } from './support/scripted-provider.ts'

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

/** A scripted provider for the test, closed after it. */
export async function scriptedProvider(): Promise<ScriptedProvider> {
  const provider = await startScriptedProvider()
  providers.push(provider)
  return provider
}

const providers: ScriptedProvider[] = []
afterEach(async () => {
  await Promise.all(providers.splice(0).map((provider) => provider.close()))
})

/** A fresh server whose agents think with the scripted provider. */
export async function serverWithProvider(overrides: Partial<AppConfig> = {}) {
  const provider = await scriptedProvider()
  const server = createTestApp({
    llmProvider: { endpoint: provider.url, model: provider.model, apiKey: 'sk-scripted' },
    ...overrides,
  })
  return { server, provider }
}

export async function waitForRun(
  server: LettaAdminApp,
  runId: string,
  timeoutMs = 10_000,
): Promise<Run> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const run = await json<Run>(server.app.request(`/v1/runs/${runId}`))
    if (!['created', 'running'].includes(run.status)) return run
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The events of a server-sent-events body, each with its event name and parsed data. */
export function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim())
    .map((frame) => {
      const lines = frame.split('\n')
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message'
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n')
      return { event, data: data === '[DONE]' ? data : (JSON.parse(data) as unknown) }
    })
}
