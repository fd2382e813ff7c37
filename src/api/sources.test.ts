import { describe, expect, it } from 'vitest'

import { passagePageQuery, toPassagePage, type Passage } from './sources'

const rows = (...ids: string[]) => ids.map((id) => ({ id, text: id }) as Passage)

describe('passagePageQuery', () => {
  it('asks for one more than a page, forwards from the start or a cursor', () => {
    expect(passagePageQuery({ limit: 20 })).toEqual({
      search: undefined,
      file_id: undefined,
      limit: 21,
      order: 'asc',
      after: undefined,
    })
    expect(passagePageQuery({ limit: 20, after: 'p-9', search: 'tide', fileId: 'f-1' })).toEqual({
      search: 'tide',
      file_id: 'f-1',
      limit: 21,
      order: 'asc',
      after: 'p-9',
    })
  })

  it('asks for the page just before the cursor', () => {
    expect(passagePageQuery({ limit: 20, before: 'p-9' })).toMatchObject({
      limit: 21,
      order: 'asc',
      before: 'p-9',
    })
  })
})

describe('toPassagePage', () => {
  it('drops the extra row and says a next page exists', () => {
    expect(toPassagePage(rows('a', 'b', 'c'), { limit: 2 })).toEqual({
      passages: rows('a', 'b'),
      hasPrevious: false,
      hasNext: true,
    })
    expect(toPassagePage(rows('a', 'b'), { limit: 2 })).toMatchObject({ hasNext: false })
  })

  it('knows a page after a cursor has one before it', () => {
    expect(toPassagePage(rows('d'), { limit: 2, after: 'c' })).toEqual({
      passages: rows('d'),
      hasPrevious: true,
      hasNext: false,
    })
  })

  it('drops the extra row of a page before a cursor from its far end', () => {
    // Rows arrive in reading order, the extra one first: a, then b, c next to the cursor d.
    expect(toPassagePage(rows('a', 'b', 'c'), { limit: 2, before: 'd' })).toEqual({
      passages: rows('b', 'c'),
      hasPrevious: true,
      hasNext: true,
    })
    expect(toPassagePage(rows('a', 'b'), { limit: 2, before: 'c' })).toEqual({
      passages: rows('a', 'b'),
      hasPrevious: false,
      hasNext: true,
    })
  })
})
