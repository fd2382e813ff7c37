import { describe, expect, it } from 'vitest'

import { createTestApp, json } from './helpers.ts'
import {
  createSource,
  fixture,
  ingest,
  type FileBody,
  type PassageBody,
} from './sources-helpers.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const passageWith = (passages: PassageBody[], text: string) => {
  const found = passages.filter((passage) => passage.text.includes(text))
  expect(found.length, `a passage containing "${text}"`).toBeGreaterThan(0)
  return found[0] as PassageBody
}

async function ingestFixture(name: string, type: string, chunkSize = 64) {
  const { app } = createTestApp()
  const source = await createSource(app, { embedding_chunk_size: chunkSize })
  const result = await ingest(app, source.id, { name, data: fixture(name), type })
  const withContent = await json<FileBody>(
    app.request(`/v1/sources/${source.id}/files/${result.file.id}?include_content=true`),
  )
  return { ...result, content: withContent.content }
}

describe('ingestion of real files', () => {
  it('reads a multi-page PDF page by page and names the pages of each passage', async () => {
    const { job, file, passages, content } = await ingestFixture('orchard.pdf', 'application/pdf')
    expect(job.status).toBe('completed')
    expect(job.metadata).toMatchObject({ num_passages: passages.length, stage: 'completed' })
    expect(file).toMatchObject({
      processing_status: 'completed',
      file_type: 'application/pdf',
      total_chunks: passages.length,
      chunks_embedded: passages.length,
    })
    const pages = [
      ['Page one is about apples.', 'Pick them in autumn.'],
      ['Page two is about bicycles.', 'Check the tyres weekly.'],
      ['Page three is about comets.', 'Their tails point away from the sun.'],
    ]
    pages.forEach((sentences, index) => {
      for (const sentence of sentences) {
        const { metadata } = passageWith(passages, sentence)
        expect(metadata.page_start as number).toBeLessThanOrEqual(index + 1)
        expect(metadata.page_end as number).toBeGreaterThanOrEqual(index + 1)
      }
    })
    expect(content?.indexOf('apples')).toBeLessThan(content?.indexOf('bicycles') ?? -1)
    expect(content?.indexOf('bicycles')).toBeLessThan(content?.indexOf('comets') ?? -1)
  })

  it('reads a .docx document', async () => {
    const { file, passages } = await ingestFixture('quarterly-notes.docx', DOCX)
    expect(file).toMatchObject({ processing_status: 'completed', file_type: DOCX })
    passageWith(passages, 'shipped 420 crates of saffron this quarter')
    passageWith(passages, 'Two forklift drivers joined the night shift')
  })

  it('keeps non-ASCII UTF-8 text intact', async () => {
    const { file, passages, content } = await ingestFixture('unicode.txt', 'text/plain')
    expect(file.processing_status).toBe('completed')
    expect(content).toBe(fixture('unicode.txt').toString('utf8'))
    passageWith(passages, 'Grüße aus München: die Straße ist schön')
    passageWith(passages, 'η γρήγορη καφέ αλεπού')
    passageWith(passages, '東京は大きな都市です')
    passageWith(passages, '🚲 and 🍎, and so does naïve café façade')
  })

  it('cuts CSV by rows, repeats the header in every passage and never splits a quoted row', async () => {
    const { passages } = await ingestFixture('people.csv', 'text/csv', 64)
    expect(passages.length).toBeGreaterThan(1)
    for (const passage of passages)
      expect(passage.text.startsWith('id,name,city,notes\n')).toBe(true)
    const grace = passageWith(passages, 'Found a moth in the relay;')
    expect(grace.text).toContain('logged it as the first bug"')
    const rows = passages.flatMap((passage) => passage.text.split('\n').slice(1))
    expect(rows.filter((row) => row.startsWith('1,Ada Lovelace'))).toHaveLength(1)
    expect(passageWith(passages, 'Katherine Johnson').metadata).toMatchObject({
      record_start: 4,
      record_end: 4,
    })
  })

  it('cuts Markdown by sections and ignores # inside code fences', async () => {
    const { passages } = await ingestFixture('guide.md', 'text/markdown', 64)
    expect(passageWith(passages, 'When the port is taken').metadata.section).toBe('Troubleshooting')
    const fenced = passageWith(passages, '# not a heading: a comment inside a code fence')
    expect(fenced.metadata.section).toBe('Configuration')
    expect(passages.some((passage) => passage.text.startsWith('## Troubleshooting'))).toBe(true)
  })

  it('turns HTML into text without scripts, styles, tags or link targets', async () => {
    const { passages, content } = await ingestFixture('lighthouse.html', 'text/html')
    passageWith(passages, 'The keeper trims the wick every evening.')
    passageWith(passages, 'Fog signals')
    for (const unwanted of ['tracking code', 'font-family', '<p>', 'example.invalid']) {
      expect(content).not.toContain(unwanted)
    }
  })

  it('cuts JSON by records, each in exactly one passage', async () => {
    const { passages } = await ingestFixture('planets.json', 'application/json', 64)
    for (const planet of ['Mercury', 'Venus', 'Earth']) {
      expect(passages.filter((passage) => passage.text.includes(planet))).toHaveLength(1)
    }
    expect(passageWith(passages, 'Earth').metadata).toMatchObject({ record_start: 3 })
    expect(
      JSON.parse(
        passageWith(passages, 'Venus')
          .text.split('\n')
          .find((line) => line.includes('Venus')) ?? '',
      ),
    ).toMatchObject({ moons: 0 })
  })

  it('reads JSON Lines sent without a content type, by its extension', async () => {
    const { file, passages } = await ingestFixture('events.jsonl', '')
    expect(file.file_type).toBe('application/jsonl')
    passageWith(passages, '"event":"upload"')
  })

  it('cuts code at top-level definitions', async () => {
    const { passages } = await ingestFixture('geometry.py', 'text/x-python', 64)
    expect(passages.some((passage) => passage.text.startsWith('class Greeter:'))).toBe(true)
  })

  it('decodes UTF-16 text that starts with a byte-order mark', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Zürich in UTF-16.', 'utf16le'),
    ])
    const { file, passages } = await ingest(app, source.id, { name: 'utf16.txt', data })
    expect(file.processing_status).toBe('completed')
    passageWith(passages, 'Zürich in UTF-16.')
  })
})

describe('files that cannot be indexed fail with a clear reason', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', fixture('empty.txt'), /^The file is empty/],
    ['image.txt', fixture('image.txt'), /looks like binary data, not text .*must be UTF-8 text/],
    [
      'latin1.txt',
      fixture('latin1.txt'),
      /not valid UTF-8 text \(the first bad byte is at offset 3\)/,
    ],
    ['blank.md', '  \n\n\t \n', /contains only whitespace/],
    ['broken.json', '{"a": 1,', /^The file is not valid JSON/],
    ['broken.jsonl', '{"a": 1}\n{"b": \n', /^Line 2 is not valid JSON/],
    ['broken.pdf', 'not really a pdf', /^The file is not a readable PDF/],
    ['broken.docx', 'not a zip archive', /^The file is not a readable Word document/],
  ]
  for (const [name, data, reason] of cases) {
    it(name, async () => {
      const { app } = createTestApp()
      const source = await createSource(app)
      const { job, file, passages } = await ingest(app, source.id, { name, data })
      expect(file.processing_status).toBe('error')
      expect(file.error_message).toMatch(reason)
      expect(job.status).toBe('failed')
      expect(job.metadata.error).toBe(file.error_message)
      expect(passages).toEqual([])
    })
  }
})
