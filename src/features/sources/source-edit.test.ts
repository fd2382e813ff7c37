import { describe, expect, it } from 'vitest'

import {
  draftFromSource,
  hasSourceChanges,
  MAX_SOURCE_NAME,
  sourceChanges,
  sourceNameProblem,
} from './source-edit'

const saved = { name: 'docs', description: 'Product manuals', instructions: null }

describe('draftFromSource', () => {
  it('turns missing text into empty fields', () => {
    expect(draftFromSource(saved)).toEqual({
      name: 'docs',
      description: 'Product manuals',
      instructions: '',
    })
  })
})

describe('sourceChanges', () => {
  it('is empty while the draft matches the source', () => {
    const changes = sourceChanges(saved, draftFromSource(saved))
    expect(changes).toEqual({})
    expect(hasSourceChanges(changes)).toBe(false)
  })

  it('ignores spaces around unchanged text and blank fields that were null', () => {
    expect(
      sourceChanges(saved, {
        name: ' docs ',
        description: 'Product manuals\n',
        instructions: '  ',
      }),
    ).toEqual({})
  })

  it('holds only the edited fields, trimmed', () => {
    expect(
      sourceChanges(saved, {
        name: ' manuals ',
        description: 'Product manuals',
        instructions: 'Cite the page.\nQuote exactly. ',
      }),
    ).toEqual({ name: 'manuals', instructions: 'Cite the page.\nQuote exactly.' })
  })

  it('sends null when a description is cleared', () => {
    const changes = sourceChanges(saved, { ...draftFromSource(saved), description: '   ' })
    expect(changes).toEqual({ description: null })
    expect(hasSourceChanges(changes)).toBe(true)
  })
})

describe('sourceNameProblem', () => {
  it('accepts a name up to the limit', () => {
    expect(sourceNameProblem(' docs ')).toBeUndefined()
    expect(sourceNameProblem('a'.repeat(MAX_SOURCE_NAME))).toBeUndefined()
  })

  it('refuses a blank or overlong name', () => {
    expect(sourceNameProblem('   ')).toBe('Give the source a name.')
    expect(sourceNameProblem('a'.repeat(MAX_SOURCE_NAME + 1))).toContain('255 characters')
  })
})
