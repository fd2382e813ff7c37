import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type * as React from 'react'
import { describe, expect, it, vi } from 'vitest'

import { MAX_FALLBACK_STEPS } from './read-steps'
import type { UsageRequest } from './usage-from-steps'
import { useUsageSummary } from './use-usage-summary'

// The stand-in replaces fetch before the modules under test load.
const server = vi.hoisted(() => {
  const state = {
    answer: (_request: Request): Promise<Response> => Promise.reject(new TypeError('No server')),
  }
  globalThis.fetch = ((input: Request) => state.answer(input)) as typeof fetch
  return state
})

const request: UsageRequest = {
  start: Date.parse('2026-03-01T00:00:00Z'),
  end: Date.parse('2026-03-03T00:00:00Z'),
  timeZone: 'UTC',
  bucket: 'day',
  groupBy: 'agent',
  topRuns: 10,
}

const stepAt = (n: number, createdAt: string) => ({
  id: `step-${n}`,
  run_id: `run-${Math.ceil(n / 2)}`,
  agent_id: 'agent-1',
  model: 'm',
  created_at: createdAt,
  prompt_tokens: 10,
  completion_tokens: 1,
  total_tokens: 11,
})

function wrapper({ children }: { children: React.ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

/** A server without the usage extension whose step list holds `total` steps. */
function serveStepsOnly(total: number) {
  const paths: string[] = []
  server.answer = (incoming) => {
    const url = new URL(incoming.url)
    paths.push(url.pathname)
    if (url.pathname === '/v1/usage-summary') {
      return Promise.resolve(Response.json({ detail: 'Not Found' }, { status: 404 }))
    }
    if (url.pathname === '/v1/agents') {
      return Promise.resolve(Response.json([{ id: 'agent-1', name: 'Helper' }]))
    }
    const after = Number(url.searchParams.get('after')?.slice(5) ?? 0)
    const limit = Number(url.searchParams.get('limit'))
    const count = Math.max(0, Math.min(limit, total - after))
    return Promise.resolve(
      Response.json(
        Array.from({ length: count }, (_, i) =>
          stepAt(after + i + 1, i % 2 ? '2026-03-02T12:00:00Z' : '2026-03-01T12:00:00Z'),
        ),
      ),
    )
  }
  return paths
}

describe('useUsageSummary', () => {
  it('takes the server’s sums when it has the extension', async () => {
    server.answer = () =>
      Promise.resolve(Response.json({ totals: { steps: 3 }, group_by: 'agent', groups: [] }))
    const { result } = renderHook(() => useUsageSummary(request), { wrapper })
    await waitFor(() => expect(result.current.query.data).toBeDefined())
    expect(result.current.query.data).toMatchObject({ source: 'server' })
    expect(result.current.stepsRead).toBeNull()
  })

  it('sums the step list itself after a 404, with agent names and progress', async () => {
    const paths = serveStepsOnly(1500)
    const { result } = renderHook(() => useUsageSummary(request), { wrapper })
    await waitFor(() => expect(result.current.query.data).toBeDefined())
    const answer = result.current.query.data
    if (!answer || !('summary' in answer)) throw new Error('No figures')
    expect(answer.source).toBe('steps')
    expect(answer.summary.totals).toMatchObject({ steps: 1500, total_tokens: 16_500, runs: 750 })
    expect(answer.summary.series.map((entry) => entry.steps)).toEqual([750, 750])
    expect(answer.summary.groups[0]).toMatchObject({ key: 'agent-1', name: 'Helper' })
    expect(result.current.stepsRead).toBe(1500)
    expect(paths.filter((path) => path === '/v1/steps')).toHaveLength(3)
  })

  it('says the range is too large instead of summing part of it', async () => {
    serveStepsOnly(MAX_FALLBACK_STEPS + 2000)
    const { result } = renderHook(() => useUsageSummary(request), { wrapper })
    await waitFor(() => expect(result.current.query.data).toBeDefined(), { timeout: 10_000 })
    expect(result.current.query.data).toMatchObject({ source: 'steps', tooLarge: true })
  })

  it('passes other failures on as errors', async () => {
    server.answer = () =>
      Promise.resolve(
        Response.json({ detail: 'end_date must be after start_date' }, { status: 400 }),
      )
    const { result } = renderHook(() => useUsageSummary(request), { wrapper })
    await waitFor(() => expect(result.current.query.isError).toBe(true))
    expect(result.current.query.error?.message).toBe('end_date must be after start_date')
  })
})
