import { describe, expect, it } from 'vitest'

import {
  acceptedExtensions,
  checkFile,
  extensionOf,
  partitionFiles,
  summarizeExtensions,
  type FilePolicy,
} from './file-checks'

const policy: FilePolicy = {
  max_file_size_bytes: 1024 * 1024,
  accepted_types: [
    { extension: '.pdf', mime_types: ['application/pdf'], description: 'PDF document' },
    { extension: '.md', mime_types: ['text/markdown'], description: 'Markdown document' },
    { extension: 'MARKDOWN', mime_types: ['text/markdown'], description: 'Markdown document' },
    { extension: '.txt', mime_types: ['text/plain'], description: 'Plain text' },
  ],
}

describe('extensionOf', () => {
  it('takes the last extension, lower-cased', () => {
    expect(extensionOf('Report.Final.PDF')).toBe('.pdf')
    expect(extensionOf('dir/notes.md')).toBe('.md')
  })

  it('gives nothing for names without one, including dot files', () => {
    expect(extensionOf('Makefile')).toBe('')
    expect(extensionOf('.env')).toBe('')
  })
})

describe('checkFile', () => {
  it('accepts a supported type within the limit whatever the case of its extension', () => {
    expect(checkFile({ name: 'a.PDF', size: 10 }, policy)).toEqual({ ok: true })
    expect(checkFile({ name: 'b.markdown', size: 1024 * 1024 }, policy)).toEqual({ ok: true })
  })

  it('refuses an unsupported type and lists what is accepted', () => {
    expect(checkFile({ name: 'photo.png', size: 10 }, policy)).toEqual({
      ok: false,
      reason: '.png files are not supported. Accepted types: .pdf, .md, .markdown, .txt',
    })
    const noExtension = checkFile({ name: 'README', size: 10 }, policy)
    expect(noExtension.ok).toBe(false)
    expect(!noExtension.ok && noExtension.reason).toMatch(/^A file without an extension/)
  })

  it('refuses a file over the size limit, naming both sizes', () => {
    expect(checkFile({ name: 'big.pdf', size: 1024 * 1024 + 1 }, policy)).toEqual({
      ok: false,
      reason: '1,048,577 bytes is over the 1,048,576-byte limit',
    })
    expect(checkFile({ name: 'big.pdf', size: 3 * 1024 * 1024 }, policy)).toEqual({
      ok: false,
      reason: '3 MB is over the 1 MB limit',
    })
  })

  it('refuses an empty file', () => {
    expect(checkFile({ name: 'empty.txt', size: 0 }, policy)).toEqual({
      ok: false,
      reason: 'The file is empty: there is nothing to index',
    })
  })
})

describe('partitionFiles', () => {
  it('keeps the order of each group and gives every refusal its reason', () => {
    const files = [
      { name: 'a.pdf', size: 5 },
      { name: 'b.exe', size: 5 },
      { name: 'c.md', size: 5 },
      { name: 'd.txt', size: 0 },
    ]
    const { accepted, rejected } = partitionFiles(files, policy)
    expect(accepted.map((file) => file.name)).toEqual(['a.pdf', 'c.md'])
    expect(rejected.map((entry) => [entry.file.name, entry.reason.slice(0, 18)])).toEqual([
      ['b.exe', '.exe files are not'],
      ['d.txt', 'The file is empty:'],
    ])
  })
})

describe('acceptedExtensions', () => {
  it("normalizes and deduplicates the extensions, keeping the server's order", () => {
    expect(
      acceptedExtensions({
        ...policy,
        accepted_types: [
          ...policy.accepted_types,
          { extension: 'PDF', mime_types: [], description: '' },
        ],
      }),
    ).toEqual(['.pdf', '.md', '.markdown', '.txt'])
  })
})

describe('summarizeExtensions', () => {
  it('lists a few and counts the rest, but never says "and 1 more"', () => {
    const many = ['.a', '.b', '.c', '.d', '.e', '.f', '.g', '.h', '.i']
    expect(summarizeExtensions(many)).toBe('.a, .b, .c, .d, .e, .f and 3 more')
    expect(summarizeExtensions(many.slice(0, 7))).toBe('.a, .b, .c, .d, .e, .f, .g')
    expect(summarizeExtensions([])).toBe('')
  })

  it('shortens the refusal of a long policy', () => {
    const long: FilePolicy = {
      max_file_size_bytes: 10,
      accepted_types: many(20),
    }
    expect(checkFile({ name: 'x.png', size: 1 }, long)).toEqual({
      ok: false,
      reason:
        '.png files are not supported. Accepted types: .t0, .t1, .t2, .t3, .t4, .t5 and 14 more',
    })
  })
})

function many(count: number): FilePolicy['accepted_types'] {
  return Array.from({ length: count }, (_, index) => ({
    extension: `.t${index}`,
    mime_types: ['text/plain'],
    description: `Type ${index}`,
  }))
}
