import { describe, expect, it } from 'vitest'

import { parseChunkSize } from './source-form'

describe('parseChunkSize', () => {
  it("uses the model's default when empty", () => {
    expect(parseChunkSize('  ', 300)).toEqual({ ok: true, value: 300 })
  })

  it('accepts a whole number in range', () => {
    expect(parseChunkSize(' 512 ', 300)).toEqual({ ok: true, value: 512 })
    expect(parseChunkSize('64', 300)).toEqual({ ok: true, value: 64 })
    expect(parseChunkSize('8192', 300)).toEqual({ ok: true, value: 8192 })
  })

  it('refuses fractions, signs, words and values out of range', () => {
    for (const text of ['12.5', '-300', 'abc', '1e3']) {
      expect(parseChunkSize(text, 300)).toEqual({
        ok: false,
        reason: 'Chunk size must be a whole number of tokens.',
      })
    }
    expect(parseChunkSize('63', 300)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('between 64 and 8192'),
    })
    expect(parseChunkSize('8193', 300).ok).toBe(false)
  })
})
