import { afterEach, describe, expect, it } from 'vitest'

import { createApp, type LettaAdminApp } from '../server/app.ts'
import { defaultAppConfig } from '../server/config.ts'
import { generateSteps, insertSteps } from '../server/test/usage-steps.ts'
import { readStepsInRange, type StepPageQuery } from '../src/features/usage/read-steps.ts'
import {
  summarizeSteps,
  type UsageRequest,
  type UsageStep,
  type UsageSummary,
} from '../src/features/usage/usage-from-steps.ts'

const servers: LettaAdminApp[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const agentIds = ['a', 'b', 'c', 'd'].map((n) => `agent-00000000-0000-4000-8000-00000000000${n}`)

/** A server holding 6,000 steps over ten days of March 2026, in runs, across four models and agents. */
function seededServer(): LettaAdminApp {
  const server = createApp(defaultAppConfig())
  servers.push(server)
  insertSteps(
    server.db,
    generateSteps({
      count: 6000,
      start: Date.parse('2026-03-04T00:00:00Z'),
      days: 10,
      agentIds,
      models: ['gpt-4o-mini', 'gpt-4.1', 'claude-sonnet-4', 'llama3.1:8b'],
      seed: 2026,
    }),
  )
  return server
}

function fetchStepPage(server: LettaAdminApp) {
  return async (query: StepPageQuery): Promise<UsageStep[]> => {
    const params = new URLSearchParams({
      start_date: query.start_date,
      end_date: query.end_date,
      order: query.order,
      limit: String(query.limit),
      ...(query.after ? { after: query.after } : {}),
    })
    const response = await server.app.request(`/v1/steps/?${params}`)
    expect(response.status).toBe(200)
    return (await response.json()) as UsageStep[]
  }
}

async function fromServer(server: LettaAdminApp, request: UsageRequest): Promise<UsageSummary> {
  const params = new URLSearchParams({
    start_date: new Date(request.start).toISOString(),
    end_date: new Date(request.end).toISOString(),
    time_zone: request.timeZone,
    bucket: request.bucket,
    group_by: request.groupBy,
    top_runs: String(request.topRuns),
  })
  const response = await server.app.request(`/v1/usage-summary?${params}`)
  expect(response.status).toBe(200)
  return (await response.json()) as UsageSummary
}

/** Names come from the agents table only the server reads; every figure must agree. */
const figuresOf = (summary: UsageSummary) => ({
  ...summary,
  groups: summary.groups.map(({ name: _name, ...group }) => group),
  top_runs: summary.top_runs.map(({ agent_name: _name, ...run }) => run),
})

const requests: [string, UsageRequest][] = [
  [
    'days in Los Angeles, by agent (each day crosses UTC midnight)',
    {
      start: Date.parse('2026-03-05T00:00:00-08:00'),
      end: Date.parse('2026-03-12T00:00:00-07:00'),
      timeZone: 'America/Los_Angeles',
      bucket: 'day',
      groupBy: 'agent',
      topRuns: 20,
    },
  ],
  [
    'hours across Tokyo midnight, by model',
    {
      start: Date.parse('2026-03-07T18:00:00+09:00'),
      end: Date.parse('2026-03-08T06:00:00+09:00'),
      timeZone: 'Asia/Tokyo',
      bucket: 'hour',
      groupBy: 'model',
      topRuns: 10,
    },
  ],
  [
    'hours in Kathmandu (UTC+05:45) across local midnight, by agent',
    {
      start: Date.parse('2026-03-09T21:00:00+05:45'),
      end: Date.parse('2026-03-10T03:00:00+05:45'),
      timeZone: 'Asia/Kathmandu',
      bucket: 'hour',
      groupBy: 'agent',
      topRuns: 5,
    },
  ],
  [
    'days in UTC with odd edges, by model',
    {
      start: Date.parse('2026-03-03T13:17:00Z'),
      end: Date.parse('2026-03-15T02:41:00Z'),
      timeZone: 'UTC',
      bucket: 'day',
      groupBy: 'model',
      topRuns: 100,
    },
  ],
]

describe('usage from /v1/steps matches GET /v1/usage-summary', () => {
  it.each(requests)('%s', async (_name, request) => {
    const server = seededServer()
    const read = await readStepsInRange(fetchStepPage(server), request, { pageSize: 500 })
    expect(read.complete).toBe(true)
    const expected = await fromServer(server, request)
    expect(expected.totals.steps).toBeGreaterThan(0)
    expect(figuresOf(summarizeSteps(read.steps, request))).toEqual(figuresOf(expected))
  })

  it('reports progress page by page and stops, saying so, past the cap', async () => {
    const server = seededServer()
    const progress: number[] = []
    const request = requests[0]?.[1] as UsageRequest
    const read = await readStepsInRange(fetchStepPage(server), request, {
      pageSize: 400,
      maxSteps: 1000,
      onProgress: (count) => progress.push(count),
    })
    expect(read.complete).toBe(false)
    expect(progress).toEqual([400, 800, 1200])
  })
})
