import { describe, expect, it } from 'vitest'

import { backoffRefetchInterval } from './job-polling'

interface Item {
  status: string
}

/** A stand-in for a React Query query: a new answer gets a new dataUpdatedAt. */
function fakeQuery(data: Item[] | undefined) {
  const query = { state: { data, dataUpdatedAt: 1 } }
  return {
    query,
    answer(next: Item[] | undefined) {
      query.state = { data: next, dataUpdatedAt: query.state.dataUpdatedAt + 1 }
    },
  }
}

const running = (items: Item[]) => items.some((item) => item.status === 'running')

describe('backoffRefetchInterval', () => {
  it('doubles while the answer is unchanged, up to the ceiling, and resets on a change', () => {
    const interval = backoffRefetchInterval(running, { min: 1_000, max: 15_000 })
    const same = [{ status: 'running' }]
    const { query, answer } = fakeQuery(same)
    const seen = [interval(query)]
    for (let index = 0; index < 5; index += 1) {
      answer(same)
      seen.push(interval(query))
    }
    expect(seen).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000])

    answer([{ status: 'running' }, { status: 'created' }])
    expect(interval(query)).toBe(1_000)
  })

  it('does not move when asked again without a new answer', () => {
    const interval = backoffRefetchInterval(running)
    const same = [{ status: 'running' }]
    const { query, answer } = fakeQuery(same)
    interval(query)
    answer(same)
    expect([interval(query), interval(query), interval(query)]).toEqual([2_000, 2_000, 2_000])
  })

  it('stops when nothing runs or there is no data, and starts over after', () => {
    const interval = backoffRefetchInterval(running)
    const same = [{ status: 'running' }]
    const { query, answer } = fakeQuery(same)
    interval(query)
    answer(same)
    expect(interval(query)).toBe(2_000)
    answer([{ status: 'completed' }])
    expect(interval(query)).toBe(false)
    answer(undefined)
    expect(interval(query)).toBe(false)
    answer([{ status: 'running' }])
    expect(interval(query)).toBe(1_000)
  })

  it('keeps a separate pace for each query', () => {
    const interval = backoffRefetchInterval(running)
    const same = [{ status: 'running' }]
    const first = fakeQuery(same)
    const second = fakeQuery(same)
    interval(first.query)
    first.answer(same)
    expect(interval(first.query)).toBe(2_000)
    expect(interval(second.query)).toBe(1_000)
  })
})
