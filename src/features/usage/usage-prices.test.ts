import { describe, expect, it } from 'vitest'

import { estimateCost, loadPrices, PRICES_STORAGE_KEY, savePrices } from './usage-prices'

const figures = (key: string | null, prompt: number, completion: number, cached = 0) => ({
  key,
  prompt_tokens: prompt,
  completion_tokens: completion,
  cached_tokens: cached,
  reasoning_tokens: 0,
  total_tokens: prompt + completion,
  steps: 1,
  runs: 1,
})

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('usage prices', () => {
  it('starts empty: no price is shipped', () => {
    expect(loadPrices(memoryStorage())).toEqual({})
  })

  it('keeps what was saved and drops malformed entries', () => {
    const storage = memoryStorage()
    savePrices({ 'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 } }, storage)
    expect(loadPrices(storage)).toEqual({
      'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
    })
    const broken = memoryStorage({
      [PRICES_STORAGE_KEY]: JSON.stringify({
        a: { input: -1, output: 1 },
        b: 'x',
        c: { input: 1, output: 2 },
      }),
    })
    expect(loadPrices(broken)).toEqual({ c: { input: 1, output: 2 } })
    expect(loadPrices(memoryStorage({ [PRICES_STORAGE_KEY]: '{not json' }))).toEqual({})
  })

  it('prices cached input at its own rate and names the models without a price', () => {
    const estimate = estimateCost(
      [figures('a', 1_000_000, 500_000, 200_000), figures('b', 10, 10), figures(null, 5, 5)],
      { a: { input: 2, output: 8, cachedInput: 0.5 } },
    )
    // 800k at $2 + 200k at $0.5 + 500k at $8.
    expect(estimate.cost).toBeCloseTo(1.6 + 0.1 + 4, 10)
    expect(estimate.pricedModels).toEqual(['a'])
    expect(estimate.unpricedModels).toEqual(['b', '(no model)'])
  })
})
