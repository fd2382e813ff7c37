import { describe, expect, it } from 'vitest'

import type { Run } from '@/api/runs'

import { readRunsSearch, runDurationMs, runListFilters, toRunsPage } from './runs-search'

const run = (id: string, patch: Partial<Run> = {}): Run => ({
  id,
  status: 'completed',
  created_at: '2026-01-01T00:00:00.000Z',
  completed_at: '2026-01-01T00:00:02.500Z',
  agent_id: 'agent-1',
  base_template_id: null,
  background: false,
  metadata: {},
  request_config: null,
  stop_reason: 'end_turn',
  callback_url: null,
  callback_sent_at: null,
  callback_status_code: null,
  callback_error: null,
  ttft_ns: null,
  total_duration_ns: null,
  ...patch,
})

describe('runs search', () => {
  it('drops values the server would refuse instead of failing the page', () => {
    expect(readRunsSearch({ status: 'exploded', stop: 'nope', agent: '' })).toEqual({})
    expect(readRunsSearch({ status: 'failed', stop: 'max_steps' })).toEqual({
      status: 'failed',
      stop: 'max_steps',
    })
  })

  it('asks for one run more than a page, oldest first after a newer cursor', () => {
    expect(runListFilters({ status: 'failed', agent: 'agent-1' })).toMatchObject({
      statuses: ['failed'],
      agentId: 'agent-1',
      order: 'desc',
      limit: 26,
    })
    expect(runListFilters({ after: 'run-9', before: 'run-1' })).toMatchObject({
      after: 'run-9',
      before: undefined,
      order: 'asc',
    })
  })

  it('shows newer pages newest first and says which way more runs lie', () => {
    const answer = Array.from({ length: 26 }, (_, index) => run(`run-${index}`))
    const older = toRunsPage(answer, {})
    expect(older.rows).toHaveLength(25)
    expect(older.hasOlder).toBe(true)
    expect(older.hasNewer).toBe(false)
    const newer = toRunsPage(answer.slice(0, 3), { after: 'run-x' })
    expect(newer.rows.map((row) => row.id)).toEqual(['run-2', 'run-1', 'run-0'])
    expect(newer.hasNewer).toBe(false)
    expect(newer.hasOlder).toBe(true)
  })

  it('measures a finished run by its end and a running one by the clock', () => {
    expect(runDurationMs(run('a'), 0)).toBe(2500)
    const running = run('b', { status: 'running', completed_at: null })
    expect(runDurationMs(running, Date.parse('2026-01-01T00:00:05.000Z'))).toBe(5000)
    expect(runDurationMs(run('c', { created_at: 'garbage' }), 0)).toBeNull()
  })
})
