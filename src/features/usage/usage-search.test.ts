import { describe, expect, it } from 'vitest'

import { resolveUsageSearch } from './usage-range'
import { readUsageSearch, type UsageSearch } from './usage-search'

const search = (patch: Partial<UsageSearch>): UsageSearch => ({
  ...readUsageSearch({}),
  ...patch,
})
// 14:20 on 10 March 2026 in New York (UTC-4 since the 8 March change).
const now = Date.parse('2026-03-10T18:20:00Z')
const zone = 'America/New_York'

describe('usage search', () => {
  it('falls back to 7 days by model when the URL holds nonsense', () => {
    expect(readUsageSearch({ range: 'forever', group: 'tool', from: 'x' })).toEqual({
      range: '7d',
      group: 'model',
    })
  })

  it('gives whole local days for presets, ending at the end of today', () => {
    const resolved = resolveUsageSearch(search({ range: '7d' }), now, zone)
    expect(resolved).toMatchObject({ ok: true })
    if (!resolved.ok) return
    // 4 March 00:00 EST is 05:00Z; 11 March 00:00 EDT is 04:00Z.
    expect(new Date(resolved.request.start).toISOString()).toBe('2026-03-04T05:00:00.000Z')
    expect(new Date(resolved.request.end).toISOString()).toBe('2026-03-11T04:00:00.000Z')
    expect(resolved.request.bucket).toBe('day')
  })

  it('gives 24 whole hours by hour for the last 24 hours', () => {
    const resolved = resolveUsageSearch(search({ range: '24h', group: 'agent' }), now, zone)
    if (!resolved.ok) throw new Error(resolved.problem)
    expect(new Date(resolved.request.end).toISOString()).toBe('2026-03-10T19:00:00.000Z')
    expect(resolved.request.end - resolved.request.start).toBe(24 * 3_600_000)
    expect(resolved.request).toMatchObject({ bucket: 'hour', groupBy: 'agent' })
  })

  it('takes custom dates inclusive, and refuses missing, inverted or impossible ones', () => {
    const custom = resolveUsageSearch(
      search({ range: 'custom', from: '2026-03-01', to: '2026-03-01', bucket: 'hour' }),
      now,
      zone,
    )
    if (!custom.ok) throw new Error(custom.problem)
    expect(custom.request.end - custom.request.start).toBe(24 * 3_600_000)
    expect(custom.request.bucket).toBe('hour')
    expect(resolveUsageSearch(search({ range: 'custom' }), now, zone)).toMatchObject({ ok: false })
    expect(
      resolveUsageSearch(
        search({ range: 'custom', from: '2026-03-05', to: '2026-03-01' }),
        now,
        zone,
      ),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/before the start/) })
    expect(
      resolveUsageSearch(
        search({ range: 'custom', from: '2026-02-30', to: '2026-03-01' }),
        now,
        zone,
      ),
    ).toMatchObject({ ok: false })
    expect(
      resolveUsageSearch(
        search({ range: 'custom', from: '2020-01-01', to: '2026-03-01' }),
        now,
        zone,
      ),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/at most 366 days/) })
  })

  it('uses days when hours are asked for a range too long for them', () => {
    const resolved = resolveUsageSearch(search({ range: '90d', bucket: 'hour' }), now, zone)
    if (!resolved.ok) throw new Error(resolved.problem)
    expect(resolved.request.bucket).toBe('day')
  })
})
