import { beforeAll, describe, expect, it } from 'vitest'

import {
  chunkText,
  loadTokenizer,
  type Chunk,
  type Tokenizer,
} from '../services/ingestion/chunk.ts'
import type { ChunkStrategy } from '../services/ingestion/file-types.ts'
import { lines, MAX_UNIT_CHARS, sentences } from '../services/ingestion/units.ts'
import { generatedText } from './generated-text.ts'

let tokenizer: Tokenizer
beforeAll(async () => {
  tokenizer = await loadTokenizer()
})

const chunk = (text: string, strategy: ChunkStrategy, chunkSize: number): Chunk[] => [
  ...chunkText({ pages: null, text }, strategy, tokenizer, { chunkSize }),
]
const tokens = (text: string) => tokenizer.encode(text).length

describe('chunking by tokens', () => {
  const prose = generatedText(60_000)

  it('keeps every prose chunk within the chunk size and loses no sentence', () => {
    const chunks = chunk(prose, 'prose', 300)
    expect(chunks.length).toBeGreaterThan(20)
    for (const { text } of chunks) expect(tokens(text)).toBeLessThanOrEqual(300)
    const joined = chunks.map((c) => c.text).join(' ')
    for (const sentenceNumber of [0, 57, 311, 600]) {
      expect(joined).toContain(` ${sentenceNumber}.`)
    }
    expect(chunks.map((c) => c.metadata.chunk_index)).toEqual(chunks.map((_, i) => i))
  })

  it('repeats the end of each prose chunk, at most 50 tokens, at the start of the next', () => {
    const chunks = chunk(prose, 'prose', 300)
    let overlapping = 0
    for (let i = 1; i < chunks.length; i++) {
      const previous = (chunks[i - 1] as Chunk).text
      const current = (chunks[i] as Chunk).text
      // The longest start of this chunk that ends the previous one.
      let shared = ''
      for (let length = Math.min(previous.length, current.length); length > 0; length--) {
        if (previous.endsWith(current.slice(0, length))) {
          shared = current.slice(0, length)
          break
        }
      }
      if (shared.trim()) {
        overlapping++
        expect(tokens(shared)).toBeLessThanOrEqual(52)
      }
    }
    // Paragraph starts may open a chunk without overlap; most chunks continue running text.
    expect(overlapping).toBeGreaterThan(chunks.length / 3)
  })

  it('scales the overlap down for small chunks', () => {
    const chunks = chunk(prose.slice(0, 8000), 'prose', 64)
    for (const { text } of chunks) expect(tokens(text)).toBeLessThanOrEqual(64)
  })

  it('cuts a run with no sentence ends or spaces into windows within the chunk size', () => {
    const chunks = chunk('x'.repeat(20_000), 'prose', 100)
    expect(chunks.length).toBeGreaterThan(1)
    for (const { text } of chunks) expect(tokens(text)).toBeLessThanOrEqual(100)
    expect(chunks.map((c) => c.text).join('').length).toBeGreaterThanOrEqual(20_000)
  })

  it('packs records whole, never repeats one, and splits only a record too big for a chunk', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ id: i, note: `record number ${i}` }))
    records.push({ id: 999, note: 'huge '.repeat(2000) })
    const chunks = chunk(JSON.stringify(records), 'json', 120)
    for (const { text } of chunks) expect(tokens(text)).toBeLessThanOrEqual(120)
    for (const id of [0, 1, 57, 199]) {
      const holding = chunks.filter((c) => c.text.includes(`{"id":${id},`))
      expect(holding, `record ${id}`).toHaveLength(1)
      expect(holding[0]?.text).toContain(`"record number ${id}"}`)
    }
    expect(chunks.filter((c) => c.text.includes('huge')).length).toBeGreaterThan(5)
  })

  it('keeps each CSV chunk within the size with its header counted', () => {
    const rows = ['name,score', ...Array.from({ length: 300 }, (_, i) => `player ${i},${i * 7}`)]
    const chunks = chunk(rows.join('\n'), 'csv', 80)
    for (const { text } of chunks) {
      expect(text.startsWith('name,score\n')).toBe(true)
      expect(tokens(text)).toBeLessThanOrEqual(80)
    }
    const bodyRows = chunks.flatMap((c) => c.text.split('\n').slice(1))
    expect(bodyRows).toEqual(rows.slice(1))
  })

  it('starts a chunk at a Markdown heading once the current chunk is a quarter full', () => {
    const section = (title: string) => `## ${title}\n\n${generatedText(500, title.length)}\n\n`
    const markdown = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map(section).join('')
    const chunks = chunk(markdown, 'markdown', 300)
    for (const title of ['Bravo', 'Charlie', 'Delta']) {
      const opening = chunks.find((c) => c.text.startsWith(`## ${title}`))
      expect(opening?.metadata.section, title).toBe(title)
    }
  })

  it('starts a chunk at a top-level definition', () => {
    const body = Array.from(
      { length: 12 },
      (_, i) => `    total = total + ${i} * weight_${i}`,
    ).join('\n')
    const code = ['first', 'second', 'third']
      .map((name) => `def ${name}(weight):\n    total = 0\n${body}\n    return total\n\n`)
      .join('')
    const chunks = chunk(code, 'code', 200)
    expect(chunks.some((c) => c.text.startsWith('def second('))).toBe(true)
    expect(chunks.some((c) => c.text.startsWith('def third('))).toBe(true)
    for (const c of chunks) expect(c.metadata.line_start).toBeTypeOf('number')
  })
})

describe('text units', () => {
  it('split sentences that rejoin into the exact text, marking paragraph starts', () => {
    const text = 'One. Two! Three?\n\nFour "quoted." Five。六\n\n\nSeven'
    const units = [...sentences(text)]
    expect(units.map((u) => u.text).join('')).toBe(text)
    expect(units.filter((u) => u.paragraphStart).map((u) => u.text.trim())).toEqual([
      'One.',
      'Four "quoted."',
      'Seven',
    ])
  })

  it('split megabytes without sentence ends in linear time, in bounded pieces', () => {
    const text = 'word '.repeat(400_000)
    const started = performance.now()
    const units = [...sentences(text)]
    expect(performance.now() - started).toBeLessThan(2000)
    expect(units.map((u) => u.text).join('')).toBe(text)
    for (const unit of units) expect(unit.text.length).toBeLessThanOrEqual(MAX_UNIT_CHARS)
  })

  it('number lines from 1 and keep a long line in bounded pieces', () => {
    const text = `a\nb\n${'c'.repeat(5000)}\nd`
    const pieces = [...lines(text)]
    expect(pieces.map((p) => p.text).join('')).toBe(text)
    expect(pieces.at(-1)).toEqual({ text: 'd', line: 4 })
    expect(pieces.filter((p) => p.line === 3).length).toBeGreaterThan(1)
  })
})
