import { describe, expect, it } from 'vitest'

import { summarizeVector } from './vector-preview'

describe('summarizeVector', () => {
  it('gives the dimension, the first values rounded and bars scaled to the peak', () => {
    const values = [0.5, -0.25, 0.125, -0.00001, 0.0, 0.333333, 1, -2, 9, 9]
    const summary = summarizeVector(values, 8, 4)
    expect(summary.dimension).toBe(10)
    expect(summary.head).toEqual([
      '0.500',
      '-0.250',
      '0.125',
      '0.000',
      '0.000',
      '0.333',
      '1.000',
      '-2.000',
    ])
    expect(summary.bars).toEqual([1, -0.5, 0.25, -0.00002])
  })

  it('handles a short or all-zero vector', () => {
    expect(summarizeVector([0, 0], 8, 48)).toEqual({
      dimension: 2,
      head: ['0.000', '0.000'],
      bars: [0, 0],
    })
    expect(summarizeVector([])).toEqual({ dimension: 0, head: [], bars: [] })
  })
})
