import { describe, expect, it } from 'vitest'

import { fileDisplayName, formatBytes, formatDateTime, plural } from './format'

describe('formatBytes', () => {
  it('writes small sizes in bytes', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
  })

  it('uses one decimal below ten units and none above', () => {
    expect(formatBytes(1024)).toBe('1 KB')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(15 * 1024 + 300)).toBe('15 KB')
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB')
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GB')
  })

  it('moves to the next unit instead of printing 1024 of one', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MB')
  })

  it('shows a dash for missing or invalid sizes', () => {
    expect(formatBytes(null)).toBe('—')
    expect(formatBytes(undefined)).toBe('—')
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
})

describe('formatDateTime', () => {
  it('formats a timestamp and dashes a missing or broken one', () => {
    expect(formatDateTime('2025-03-04T05:06:07Z')).toMatch(/2025/)
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a date')).toBe('—')
  })
})

describe('plural', () => {
  it('picks the singular only for one', () => {
    expect(plural(1, 'file')).toBe('1 file')
    expect(plural(0, 'file')).toBe('0 files')
    expect(plural(2, 'passage')).toBe('2 passages')
    expect(plural(3, 'index', 'indices')).toBe('3 indices')
  })
})

describe('fileDisplayName', () => {
  it("prefers the name in the source, then the uploader's, then the id", () => {
    expect(
      fileDisplayName({ id: 'file-1', file_name: 'a (1).md', original_file_name: 'a.md' }),
    ).toBe('a (1).md')
    expect(fileDisplayName({ id: 'file-1', file_name: null, original_file_name: 'a.md' })).toBe(
      'a.md',
    )
    expect(fileDisplayName({ id: 'file-1' })).toBe('file-1')
  })
})
