import { describe, expect, it } from 'vitest'

import { deletionImpact, passageCount } from './deletion-impact'

describe('deletionImpact', () => {
  it('counts one passage per embedded chunk', () => {
    expect(passageCount([{ chunks_embedded: 3 }, { chunks_embedded: null }, {}])).toBe(3)
  })

  it('names the files and passages that go with a source', () => {
    expect(deletionImpact([{ chunks_embedded: 1 }])).toBe(
      'Its 1 file and 1 passage will be deleted with it.',
    )
    expect(deletionImpact([{ chunks_embedded: 1200 }, { chunks_embedded: 0 }])).toBe(
      'Its 2 files and 1,200 passages will be deleted with it.',
    )
    expect(deletionImpact([])).toBe('It has no files or passages.')
  })
})
