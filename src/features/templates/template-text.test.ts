import { describe, expect, it } from 'vitest'

import { listChanges, sideBySideDiff, splitVariables } from './template-text'

describe('splitVariables', () => {
  it('separates placeholders from plain text', () => {
    expect(splitVariables('Hi {{ name }}, from {{city}}!')).toEqual([
      { text: 'Hi ' },
      { text: '{{ name }}', variable: 'name' },
      { text: ', from ' },
      { text: '{{city}}', variable: 'city' },
      { text: '!' },
    ])
    expect(splitVariables('{{1bad}} <b>x</b>')).toEqual([{ text: '{{1bad}} <b>x</b>' }])
    expect(splitVariables('')).toEqual([])
  })
})

describe('sideBySideDiff', () => {
  it('pairs a changed line and keeps the same ones', () => {
    expect(sideBySideDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'changed', left: 'b', right: 'B' },
      { kind: 'same', left: 'c', right: 'c' },
      { kind: 'added', left: null, right: 'd' },
    ])
  })

  it('shows a whole text added or removed', () => {
    expect(sideBySideDiff('', 'x')).toEqual([{ kind: 'added', left: null, right: 'x' }])
    expect(sideBySideDiff('x\ny', 'y')).toEqual([
      { kind: 'removed', left: 'x', right: null },
      { kind: 'same', left: 'y', right: 'y' },
    ])
  })
})

describe('listChanges', () => {
  it('names what was added, removed and kept', () => {
    expect(listChanges(['a', 'b'], ['b', 'c'])).toEqual({
      added: ['c'],
      removed: ['a'],
      kept: ['b'],
    })
  })
})
