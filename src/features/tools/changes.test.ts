import { describe, expect, it } from 'vitest'

import {
  changedFields,
  draftFromTool,
  hasChanges,
  isDirty,
  parseTags,
  rebaseDraft,
  returnCharLimitError,
} from './changes'

const saved = {
  source_code: 'def f():\n    """Doc."""\n',
  description: 'Doc.',
  tags: ['math', 'demo'],
  return_char_limit: 6000,
}

describe('changedFields', () => {
  it('is empty for an untouched draft', () => {
    expect(changedFields(saved, draftFromTool(saved))).toEqual({})
    expect(hasChanges(changedFields(saved, draftFromTool(saved)))).toBe(false)
  })

  it('holds only the fields that differ', () => {
    const draft = { ...draftFromTool(saved), sourceCode: 'def g():\n    """Other."""\n' }
    expect(changedFields(saved, draft)).toEqual({ source_code: 'def g():\n    """Other."""\n' })
  })

  it('compares tags as a list, ignoring spacing and repeats', () => {
    expect(
      changedFields(saved, { ...draftFromTool(saved), tagsText: ' math,demo, math ' }),
    ).toEqual({})
    expect(changedFields(saved, { ...draftFromTool(saved), tagsText: 'demo, math' })).toEqual({
      tags: ['demo', 'math'],
    })
    expect(changedFields(saved, { ...draftFromTool(saved), tagsText: '' })).toEqual({ tags: [] })
  })

  it('sends the return limit as a number, and never an invalid one', () => {
    expect(
      changedFields(saved, { ...draftFromTool(saved), returnCharLimitText: ' 1200 ' }),
    ).toEqual({ return_char_limit: 1200 })
    expect(changedFields(saved, { ...draftFromTool(saved), returnCharLimitText: '12.5' })).toEqual(
      {},
    )
  })

  it('treats a missing description or source as empty text', () => {
    const builtIn = { source_code: null, description: null, tags: null, return_char_limit: 6000 }
    expect(changedFields(builtIn, draftFromTool(builtIn))).toEqual({})
    expect(changedFields(builtIn, { ...draftFromTool(builtIn), description: 'New' })).toEqual({
      description: 'New',
    })
  })
})

describe('parseTags', () => {
  it('trims, drops empties and keeps the first of repeats', () => {
    expect(parseTags('a, b,,a , c')).toEqual(['a', 'b', 'c'])
    expect(parseTags('  ')).toEqual([])
  })
})

describe('returnCharLimitError', () => {
  it('accepts whole numbers from 1 to a million', () => {
    expect(returnCharLimitError('1')).toBeUndefined()
    expect(returnCharLimitError('1000000')).toBeUndefined()
    expect(returnCharLimitError('0')).toMatch(/whole number/)
    expect(returnCharLimitError('1000001')).toMatch(/1,000,000/)
    expect(returnCharLimitError('abc')).toMatch(/whole number/)
    expect(returnCharLimitError('')).toBe('Enter a limit')
  })
})

describe('rebaseDraft', () => {
  it('takes the saved values, but keeps what was typed while saving', () => {
    const sent = { ...draftFromTool(saved), sourceCode: 'v2' }
    const current = { ...sent, tagsText: 'typed, meanwhile' }
    const fromServer = { ...sent, description: 'Derived from the new docstring' }
    expect(rebaseDraft(current, sent, fromServer)).toEqual({
      ...fromServer,
      tagsText: 'typed, meanwhile',
    })
  })
})

describe('isDirty', () => {
  it('counts an unsaveable return limit as unsaved work', () => {
    expect(isDirty(saved, draftFromTool(saved))).toBe(false)
    expect(isDirty(saved, { ...draftFromTool(saved), returnCharLimitText: '' })).toBe(true)
    expect(isDirty(saved, { ...draftFromTool(saved), returnCharLimitText: '6000 ' })).toBe(false)
    expect(isDirty(saved, { ...draftFromTool(saved), description: 'x' })).toBe(true)
  })
})
