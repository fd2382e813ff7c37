import { describe, expect, it } from 'vitest'

import { passageLocation } from './passage-location'

describe('passageLocation', () => {
  it('names pages, records, sections or lines, in that preference', () => {
    expect(passageLocation({ page_start: 2, page_end: 2 })).toBe('page 2')
    expect(passageLocation({ page_start: 1, page_end: 3, line_start: 1 })).toBe('pages 1–3')
    expect(passageLocation({ record_start: 4, record_end: 9 })).toBe('records 4–9')
    expect(passageLocation({ section: 'Configuration', line_start: 5, line_end: 8 })).toBe(
      '§ Configuration',
    )
    expect(passageLocation({ line_start: 5, line_end: 8 })).toBe('lines 5–8')
    expect(passageLocation({ line_start: 5 })).toBe('line 5')
  })

  it('says nothing when the server recorded nothing usable', () => {
    expect(passageLocation(null)).toBeUndefined()
    expect(passageLocation({ chunk_index: 0 })).toBeUndefined()
    expect(passageLocation({ page_start: '2', section: '' })).toBeUndefined()
  })
})
