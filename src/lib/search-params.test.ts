import { describe, expect, it } from 'vitest'

import { parseTemplateSearch, parseTemplatesSearch } from '@/features/templates/templates-search'

import { countOr, matching, nonEmptyText, oneOf, textOr } from './search-params'

/** A URL's search as the router hands it over, before any reading. */
const raw = (search: Record<string, unknown>) => search as never

describe('URL search readers', () => {
  it('keeps text within its bound and falls back past it', () => {
    expect(textOr('abc', '', 3)).toBe('abc')
    expect(textOr('abcd', '', 3)).toBe('')
    expect(textOr(42, 'none')).toBe('none')
    expect(nonEmptyText('', 10)).toBeUndefined()
    expect(nonEmptyText('x'.repeat(101), 100)).toBeUndefined()
    expect(nonEmptyText('run-1', 100)).toBe('run-1')
  })

  it('reads listed values only', () => {
    expect(oneOf('day', ['hour', 'day'], undefined)).toBe('day')
    expect(oneOf('week', ['hour', 'day'], undefined)).toBeUndefined()
  })

  it('reads numbers the router parsed as the digits the page expects', () => {
    expect(matching(3, /^\d+$/)).toBe('3')
    expect(matching('12', /^\d+$/)).toBe('12')
    expect(matching(-1, /^\d+$/)).toBeUndefined()
    expect(matching(Number.NaN, /^\d+$/)).toBeUndefined()
    expect(matching({}, /^\d+$/)).toBeUndefined()
  })

  it('reads counts from numbers or digits, refusing fractions and negatives', () => {
    expect(countOr(20, 0)).toBe(20)
    expect(countOr('20', 0)).toBe(20)
    expect(countOr(2.5, 0)).toBe(0)
    expect(countOr(-5, 0)).toBe(0)
    expect(countOr('1e3', 0)).toBe(0)
    expect(countOr(Number.MAX_VALUE, 0)).toBe(0)
  })

  it('opens a template page whatever its URL holds', () => {
    expect(parseTemplateSearch(raw({ tab: 'versions', from: 1, to: '2' }))).toEqual({
      tab: 'versions',
      from: '1',
      to: '2',
    })
    expect(parseTemplateSearch(raw({ tab: 'nope', version: 'latest' }))).toEqual({
      tab: 'memory',
    })
    expect(parseTemplatesSearch(raw({ q: 'x'.repeat(256), offset: -3 }))).toEqual({
      q: '',
      offset: 0,
    })
  })
})
