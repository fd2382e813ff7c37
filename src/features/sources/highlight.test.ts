import { describe, expect, it } from 'vitest'

import { highlightParts } from './highlight'

describe('highlightParts', () => {
  it('marks every match whatever its case and keeps the original text', () => {
    expect(highlightParts('Tide tables and TIDE charts', 'tide')).toEqual([
      { text: 'Tide', match: true },
      { text: ' tables and ', match: false },
      { text: 'TIDE', match: true },
      { text: ' charts', match: false },
    ])
  })

  it('returns the text whole when the query is empty or absent', () => {
    expect(highlightParts('abc', '  ')).toEqual([{ text: 'abc', match: false }])
    expect(highlightParts('abc', 'x')).toEqual([{ text: 'abc', match: false }])
  })
})
