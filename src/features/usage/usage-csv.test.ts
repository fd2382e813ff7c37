import { describe, expect, it } from 'vitest'

import { csvField, usageCsv } from './usage-csv'
import { summarizeSteps } from './usage-from-steps'

describe('usage CSV', () => {
  it('quotes separators and keeps names from being read as formulas', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,"b"')).toBe('"a,""b"""')
    expect(csvField('=cmd()')).toBe("'=cmd()")
    expect(csvField(-3)).toBe('-3')
    expect(csvField(null)).toBe('')
  })

  it('has the totals, every bucket, every group and the top runs', () => {
    const step = {
      run_id: 'run-1',
      agent_id: 'agent-1',
      model: 'm',
      prompt_tokens: 10,
      completion_tokens: 2,
      total_tokens: 12,
    }
    const summary = summarizeSteps(
      [
        { ...step, id: 'step-1', created_at: '2026-03-01T10:00:00.000Z' },
        { ...step, id: 'step-2', created_at: '2026-03-02T10:00:00.000Z', cached_input_tokens: 4 },
      ],
      {
        start: Date.parse('2026-03-01T00:00:00Z'),
        end: Date.parse('2026-03-03T00:00:00Z'),
        timeZone: 'UTC',
        bucket: 'day',
        groupBy: 'agent',
        topRuns: 10,
      },
    )
    const lines = usageCsv(summary, (key) =>
      key === 'agent-1' ? 'Helper, "the" agent' : String(key),
    )
      .trim()
      .split('\r\n')
    expect(lines).toEqual([
      'section,name,id,start,prompt_tokens,completion_tokens,cached_tokens,reasoning_tokens,total_tokens,steps,runs',
      'total,2026-03-01T00:00:00.000Z to 2026-03-03T00:00:00.000Z,,2026-03-01T00:00:00.000Z,20,4,4,0,24,2,1',
      'day,2026-03-01,,2026-03-01T00:00:00.000Z,10,2,0,0,12,1,1',
      'day,2026-03-02,,2026-03-02T00:00:00.000Z,10,2,4,0,12,1,0',
      'agent,"Helper, ""the"" agent",agent-1,,20,4,4,0,24,2,1',
      'top run,agent-1,run-1,2026-03-01T10:00:00.000Z,20,4,4,0,24,2,',
    ])
  })
})
