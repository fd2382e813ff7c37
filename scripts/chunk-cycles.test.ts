import { describe, expect, it } from 'vitest'

import { findImportCycle } from './chunk-cycles.ts'

describe('findImportCycle', () => {
  it('finds chunks that import each other, through any number of others', () => {
    const chunks = new Map([
      ['index.js', ['shared-a.js']],
      ['shared-a.js', ['shared-b.js']],
      ['shared-b.js', ['shared-c.js']],
      ['shared-c.js', ['shared-a.js', 'index.js']],
    ])
    expect(findImportCycle(chunks)).toEqual([
      'shared-a.js',
      'shared-b.js',
      'shared-c.js',
      'shared-a.js',
    ])
  })

  it('accepts chunks that share imports without a cycle', () => {
    const chunks = new Map([
      ['tools.js', ['index.js', 'shared-a.js']],
      ['sources.js', ['index.js', 'shared-a.js']],
      ['shared-a.js', ['index.js']],
      ['index.js', []],
    ])
    expect(findImportCycle(chunks)).toBeUndefined()
  })
})
