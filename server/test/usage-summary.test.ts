import { describe, expect, it } from 'vitest'

import type { UsageSummary } from '../services/usage/usage-service.ts'
import { createAgent, expectDetail } from './agents-helpers.ts'
import { createTestApp, json } from './helpers.ts'
import { generateSteps, insertSteps, type GeneratedStep } from './usage-steps.ts'

const summaryOf = (server: ReturnType<typeof createTestApp>, query: Record<string, string>) =>
  json<UsageSummary>(server.app.request(`/v1/usage-summary?${new URLSearchParams(query)}`))

interface Expected {
  tokens: number
  prompt: number
  steps: number
  runs: number
}

/** The figures worked out the slow, obvious way: each step's local time read with Intl. */
function expectedByLabel(
  steps: readonly GeneratedStep[],
  from: string,
  to: string,
  timeZone: string,
  bucket: 'hour' | 'day',
  groupOf: (step: GeneratedStep) => string | null,
) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  })
  const labelOf = (iso: string) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
    )
    const date = `${parts.year}-${parts.month}-${parts.day}`
    return bucket === 'day' ? date : `${date} ${parts.hour}:00`
  }
  const inRange = steps.filter((step) => step.created_at >= from && step.created_at < to)
  const byLabel = new Map<string, Expected>()
  const byGroup = new Map<string | null, Expected>()
  const entry = <K>(map: Map<K, Expected>, key: K) => {
    let value = map.get(key)
    if (!value) map.set(key, (value = { tokens: 0, prompt: 0, steps: 0, runs: 0 }))
    return value
  }
  const firstOfRun = new Map<string, GeneratedStep>()
  for (const step of inRange) {
    for (const target of [
      entry(byLabel, labelOf(step.created_at)),
      entry(byGroup, groupOf(step)),
    ]) {
      target.tokens += step.total_tokens
      target.prompt += step.prompt_tokens
      target.steps += 1
    }
    const first = step.run_id ? firstOfRun.get(step.run_id) : undefined
    if (step.run_id && (!first || step.created_at < first.created_at))
      firstOfRun.set(step.run_id, step)
  }
  for (const step of firstOfRun.values()) {
    entry(byLabel, labelOf(step.created_at)).runs += 1
    entry(byGroup, groupOf(step)).runs += 1
  }
  return { byLabel, byGroup, inRange, runs: firstOfRun.size }
}

describe('GET /v1/usage-summary: bad input', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an inverted range', { start_date: '2026-03-10', end_date: '2026-03-01' }, /after start_date/],
    [
      'an empty range',
      { start_date: '2026-03-01T00:00:00Z', end_date: '2026-03-01T00:00:00Z' },
      /after/,
    ],
    ['a malformed date', { start_date: 'yesterday', end_date: '2026-03-01' }, /start_date must be/],
    [
      'a date that does not exist',
      { start_date: '2026-02-30', end_date: '2026-03-02' },
      /not a real date/,
    ],
    [
      'a timestamp without offset',
      { start_date: '2026-03-01T00:00:00', end_date: '2026-03-02' },
      /start_date/,
    ],
    [
      'an unknown grouping',
      { start_date: '2026-03-01', end_date: '2026-03-02', group_by: 'tool' },
      /grouping "tool"/,
    ],
    [
      'an unknown bucket',
      { start_date: '2026-03-01', end_date: '2026-03-02', bucket: 'week' },
      /bucket "week"/,
    ],
    [
      'an unknown time zone',
      { start_date: '2026-03-01', end_date: '2026-03-02', time_zone: 'Mars/Olympus' },
      /time zone/,
    ],
    [
      'too many hours',
      { start_date: '2026-01-01', end_date: '2026-03-01', bucket: 'hour' },
      /at most 31 days/,
    ],
    ['too many days', { start_date: '2024-01-01', end_date: '2026-03-01' }, /at most 366 days/],
  ]
  it.each(cases)('answers 400 {detail} for %s', async (_name, query, message) => {
    const server = createTestApp()
    const detail = await expectDetail(
      server.app.request(`/v1/usage-summary?${new URLSearchParams(query)}`),
      400,
    )
    expect(detail).toMatch(message)
  })

  it('answers 422 when a required date is missing or top_runs is out of bounds', async () => {
    const server = createTestApp()
    await expectDetail(server.app.request('/v1/usage-summary?start_date=2026-03-01'), 422)
    await expectDetail(
      server.app.request(
        '/v1/usage-summary?start_date=2026-03-01&end_date=2026-03-02&top_runs=101',
      ),
      422,
    )
  })
})

describe('GET /v1/usage-summary: figures', () => {
  it('gives every bucket of an empty range, with zeros and no groups or runs', async () => {
    const server = createTestApp()
    const summary = await summaryOf(server, { start_date: '2026-03-01', end_date: '2026-03-07' })
    expect(summary.series.map((entry) => entry.label)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ])
    expect(summary.totals).toEqual({
      prompt_tokens: 0,
      completion_tokens: 0,
      cached_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 0,
      steps: 0,
      runs: 0,
    })
    expect(summary.groups).toEqual([])
    expect(summary.top_runs).toEqual([])
  })

  it('matches a step-by-step count by day in New York across the March DST change, by model', async () => {
    const server = createTestApp()
    const steps = generateSteps({
      count: 3000,
      start: Date.parse('2026-03-01T00:00:00Z'),
      days: 20,
      agentIds: ['agent-a', 'agent-b', 'agent-c'],
      models: ['gpt-4o-mini', 'claude-sonnet', 'llama3'],
      seed: 7,
    })
    insertSteps(server.db, steps)
    const timeZone = 'America/New_York'
    const summary = await summaryOf(server, {
      start_date: '2026-03-03',
      end_date: '2026-03-15',
      time_zone: timeZone,
      group_by: 'model',
      top_runs: '5',
    })
    // Midnight in New York is 05:00Z before the 8 March change and 04:00Z after it.
    expect(summary.start_date).toBe('2026-03-03T05:00:00.000Z')
    expect(summary.end_date).toBe('2026-03-16T04:00:00.000Z')
    const expected = expectedByLabel(
      steps,
      summary.start_date,
      summary.end_date,
      timeZone,
      'day',
      (s) => s.model,
    )
    expect(summary.series).toHaveLength(13)
    for (const entry of summary.series) {
      const want = expected.byLabel.get(entry.label) ?? { tokens: 0, prompt: 0, steps: 0, runs: 0 }
      expect([
        entry.label,
        entry.total_tokens,
        entry.prompt_tokens,
        entry.steps,
        entry.runs,
      ]).toEqual([entry.label, want.tokens, want.prompt, want.steps, want.runs])
    }
    expect(summary.totals.steps).toBe(expected.inRange.length)
    expect(summary.totals.runs).toBe(expected.runs)
    expect(summary.totals.total_tokens).toBe(
      expected.inRange.reduce((sum, step) => sum + step.total_tokens, 0),
    )
    expect(summary.totals.cached_tokens).toBe(
      expected.inRange.reduce((sum, step) => sum + (step.cached_tokens ?? 0), 0),
    )
    expect(summary.totals.reasoning_tokens).toBe(
      expected.inRange.reduce((sum, step) => sum + (step.reasoning_tokens ?? 0), 0),
    )
    expect(
      summary.groups.map((group) => [group.key, group.total_tokens, group.steps, group.runs]),
    ).toEqual(
      [...expected.byGroup]
        .map(([key, value]) => [key, value.tokens, value.steps, value.runs])
        .sort((a, b) => (b[1] as number) - (a[1] as number)),
    )
    for (const group of summary.groups) {
      expect(group.series.reduce((sum, value) => sum + value, 0)).toBe(group.total_tokens)
    }
    expect(summary.models).toEqual(summary.groups.map(({ series: _s, name: _n, ...rest }) => rest))
    expect(summary.top_runs).toHaveLength(5)
    const totals = summary.top_runs.map((run) => run.total_tokens)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
  })

  it('buckets by hour in a zone half an hour off UTC, grouped by agent with names', async () => {
    const server = createTestApp()
    const kept = await createAgent(server, { name: 'kept agent' })
    const steps = generateSteps({
      count: 800,
      start: Date.parse('2026-05-01T00:00:00Z'),
      days: 2,
      agentIds: [kept.id, 'agent-00000000-0000-4000-8000-00000000dead'],
      models: ['gpt-4o-mini'],
      seed: 11,
    })
    insertSteps(server.db, steps)
    const timeZone = 'Asia/Kolkata'
    const summary = await summaryOf(server, {
      start_date: '2026-05-01T10:00:00+05:30',
      end_date: '2026-05-02T10:00:00+05:30',
      time_zone: timeZone,
      bucket: 'hour',
      group_by: 'agent',
    })
    expect(summary.series).toHaveLength(24)
    expect(summary.series[0]).toMatchObject({
      start: '2026-05-01T04:30:00.000Z',
      label: '2026-05-01 10:00',
    })
    const expected = expectedByLabel(
      steps,
      summary.start_date,
      summary.end_date,
      timeZone,
      'hour',
      (s) => s.agent_id,
    )
    for (const entry of summary.series) {
      const want = expected.byLabel.get(entry.label) ?? { tokens: 0, prompt: 0, steps: 0, runs: 0 }
      expect([entry.label, entry.total_tokens, entry.steps, entry.runs]).toEqual([
        entry.label,
        want.tokens,
        want.steps,
        want.runs,
      ])
    }
    const names = Object.fromEntries(summary.groups.map((group) => [String(group.key), group.name]))
    expect(names[kept.id]).toBe('kept agent')
    expect(names['agent-00000000-0000-4000-8000-00000000dead']).toBeNull()
    const modelTotal = summary.models.reduce((sum, model) => sum + model.total_tokens, 0)
    expect(modelTotal).toBe(summary.totals.total_tokens)
    expect(summary.models.reduce((sum, model) => sum + model.runs, 0)).toBe(summary.totals.runs)
  })

  it('counts a run once, where its first step in the range falls', async () => {
    const server = createTestApp()
    const base = {
      agent_id: 'agent-a',
      model: 'm',
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      cached_tokens: null,
      reasoning_tokens: null,
      status: 'success' as const,
    }
    insertSteps(server.db, [
      { ...base, id: 'step-1', run_id: 'run-1', created_at: '2026-03-01T23:59:59.000Z' },
      {
        ...base,
        id: 'step-2',
        run_id: 'run-1',
        created_at: '2026-03-02T00:00:01.000Z',
        model: 'n',
      },
      { ...base, id: 'step-3', run_id: 'run-2', created_at: '2026-03-02T10:00:00.000Z' },
    ])
    const summary = await summaryOf(server, { start_date: '2026-03-01', end_date: '2026-03-02' })
    expect(summary.series.map((entry) => [entry.label, entry.steps, entry.runs])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-03-02', 2, 1],
    ])
    expect(summary.groups.map((group) => [group.key, group.steps, group.runs])).toEqual([
      ['m', 2, 2],
      ['n', 1, 0],
    ])
    expect(
      summary.top_runs.map((run) => [run.run_id, run.total_tokens, run.steps, run.model]),
    ).toEqual([
      ['run-1', 30, 2, 'm'],
      ['run-2', 15, 1, 'm'],
    ])
    // A range that starts inside run-1 counts it from its second step.
    const later = await summaryOf(server, {
      start_date: '2026-03-02T00:00:00Z',
      end_date: '2026-03-03T00:00:00Z',
    })
    expect(later.totals).toMatchObject({ steps: 2, runs: 2, total_tokens: 30 })
    expect(later.groups.map((group) => [group.key, group.runs])).toEqual([
      ['m', 1],
      ['n', 1],
    ])
  })

  it('is in the OpenAPI document as this server’s extension', async () => {
    const server = createTestApp()
    const doc = await json<{ paths: Record<string, { get?: { description?: string } }> }>(
      server.app.request('/openapi.json'),
    )
    expect(doc.paths['/v1/usage-summary']?.get?.description).toMatch(/extension of the Letta API/)
  })
})
