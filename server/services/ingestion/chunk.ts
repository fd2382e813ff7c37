import { IngestionError } from './cooperative.ts'
import type { ExtractedText } from './extract.ts'
import type { ChunkStrategy } from './file-types.ts'
import { csvRecords, jsonLinesRecords, jsonRecords, type TextRecord } from './records.ts'
import {
  codeUnits,
  configUnits,
  markdownUnits,
  PARAGRAPH_BREAK,
  proseUnits,
  type Unit,
} from './units.ts'

export const CHUNK_OVERLAP = 50

export interface Tokenizer {
  encode(text: string): number[]
  decode(tokens: number[]): string
}

/** cl100k_base, the encoding Letta's splitter counts with; loaded on first use (it is large). */
export async function loadTokenizer(): Promise<Tokenizer> {
  const { encode, decode } = await import('gpt-tokenizer/encoding/cl100k_base')
  return { encode: (text) => encode(text), decode: (tokens) => decode(tokens) }
}

export interface ChunkOptions {
  /** Tokens per chunk at most (the source's embedding_chunk_size). */
  chunkSize: number
  overlap?: number
}

export interface Chunk {
  text: string
  metadata: Record<string, unknown>
}

type PositionName = 'page' | 'line' | 'record'

interface PackOptions {
  budget: number
  /** Tokens of the previous chunk repeated at the start of the next; 0 for records, never repeated. */
  overlap: number
  /** Text put before every chunk (a CSV header), counted in the budget. */
  prefix: string
  positionName: PositionName | undefined
}

/**
 * Cuts extracted text into chunks of at most chunkSize tokens, each kind along its own seams:
 * Markdown by sections, code by definitions, JSON, JSON Lines and CSV by records, prose and PDF
 * pages by sentences. Consecutive chunks of running text share `overlap` tokens; records are
 * packed whole and never repeated. A lazy generator: the caller pulls chunks and yields between.
 */
export function* chunkText(
  extracted: ExtractedText,
  strategy: ChunkStrategy,
  tokenizer: Tokenizer,
  options: ChunkOptions,
): Generator<Chunk> {
  const overlap = Math.min(options.overlap ?? CHUNK_OVERLAP, Math.floor(options.chunkSize / 4))
  const base = { budget: options.chunkSize, overlap, prefix: '', positionName: undefined }
  const { text } = extracted
  switch (strategy) {
    case 'prose':
      if (extracted.pages) {
        yield* pack(pdfUnits(extracted.pages), tokenizer, { ...base, positionName: 'page' })
      } else {
        yield* pack(proseUnits(text), tokenizer, base)
      }
      return
    case 'markdown':
      yield* pack(markdownUnits(text), tokenizer, { ...base, positionName: 'line' })
      return
    case 'code':
      yield* pack(codeUnits(text), tokenizer, { ...base, positionName: 'line' })
      return
    case 'lines':
      yield* pack(configUnits(text), tokenizer, { ...base, positionName: 'line' })
      return
    case 'json':
      yield* packRecords(jsonRecords(text), tokenizer, base, '')
      return
    case 'jsonl':
      yield* packRecords(jsonLinesRecords(text), tokenizer, base, '')
      return
    case 'csv': {
      const records = csvRecords(text)
      const header = records.next()
      if (header.done) throw new IngestionError('The CSV file has no rows.')
      const headerText = `${header.value.text.trimEnd()}\n`
      // A header repeated in every chunk keeps each passage readable on its own, when it is short.
      const repeat = tokenizer.encode(headerText).length <= options.chunkSize / 3
      const rest = repeat ? records : prepend(header.value, records)
      yield* packRecords(rest, tokenizer, base, repeat ? headerText : '')
      return
    }
  }
}

function* prepend<T>(first: T, rest: Iterable<T>): Generator<T> {
  yield first
  yield* rest
}

function* pdfUnits(pages: readonly string[]): Generator<Unit> {
  for (const [index, page] of pages.entries()) {
    let first = true
    for (const unit of proseUnits(`${page}\n\n`)) {
      yield {
        ...unit,
        position: index + 1,
        breakBefore: first ? PARAGRAPH_BREAK : unit.breakBefore,
      }
      first = false
    }
  }
}

function* packRecords(
  records: Iterable<TextRecord>,
  tokenizer: Tokenizer,
  base: PackOptions,
  prefix: string,
): Generator<Chunk> {
  function* units(): Generator<Unit> {
    for (const record of records)
      yield { text: `${record.text.trimEnd()}\n`, position: record.number }
  }
  yield* pack(units(), tokenizer, { ...base, overlap: 0, prefix, positionName: 'record' })
}

interface Held {
  unit: Unit
  tokens: number[]
}

function* pack(
  units: Iterable<Unit>,
  tokenizer: Tokenizer,
  options: PackOptions,
): Generator<Chunk> {
  const prefixTokens = options.prefix ? tokenizer.encode(options.prefix).length : 0
  const budget = Math.max(1, options.budget - prefixTokens)
  let held: Held[] = []
  let count = 0
  /** Units with text held that no earlier chunk contained (the rest are its overlap). */
  let fresh = 0
  let index = 0

  const make = (parts: readonly Held[]): Chunk | undefined => {
    const body = parts.map((part) => part.unit.text).join('')
    if (!body.trim()) return undefined
    const metadata: Record<string, unknown> = { chunk_index: index++ }
    const positions = parts.map((part) => part.unit.position).filter((p) => p !== undefined)
    if (options.positionName && positions.length) {
      metadata[`${options.positionName}_start`] = Math.min(...positions)
      metadata[`${options.positionName}_end`] = Math.max(...positions)
    }
    const section = parts.find((part) => part.unit.section)?.unit.section
    if (section) metadata.section = section
    return { text: options.prefix + body.replace(/^\s*\n/, '').trimEnd(), metadata }
  }

  /** Emits what is held; keeps its last `overlap` tokens to start the next chunk when asked. */
  const flush = (keepOverlap: boolean): Chunk | undefined => {
    const chunk = make(held)
    held = keepOverlap && options.overlap > 0 ? tail(held, options.overlap, tokenizer) : []
    count = held.reduce((sum, part) => sum + part.tokens.length, 0)
    fresh = 0
    return chunk
  }

  for (const unit of units) {
    const tokens = tokenizer.encode(unit.text)
    if (unit.breakBefore !== undefined && fresh > 0 && count >= budget * unit.breakBefore) {
      // A new paragraph continues the text, so it keeps the overlap; a new section or definition does not.
      const chunk = flush(unit.breakBefore >= PARAGRAPH_BREAK)
      if (chunk) yield chunk
    }
    if (tokens.length > budget) {
      // Too long for one chunk on its own: cut it into windows of the budget that overlap.
      const chunk = fresh > 0 ? flush(false) : undefined
      if (chunk) yield chunk
      held = []
      count = 0
      const stride = Math.max(1, budget - options.overlap)
      for (let start = 0; start < tokens.length; start += stride) {
        const window = tokens.slice(start, start + budget)
        const piece = make([{ unit: { ...unit, text: tokenizer.decode(window) }, tokens: window }])
        if (piece) yield piece
        if (start + budget >= tokens.length) break
      }
      continue
    }
    if (count + tokens.length > budget) {
      const chunk = fresh > 0 ? flush(true) : undefined
      if (chunk) yield chunk
      if (count + tokens.length > budget) {
        held = []
        count = 0
      }
    }
    held.push({ unit, tokens })
    count += tokens.length
    if (unit.text.trim()) fresh++
  }
  if (fresh > 0) {
    const last = flush(false)
    if (last) yield last
  }
}

/** The end of a chunk to repeat at the start of the next: whole units when they fit, else the last words. */
function tail(parts: readonly Held[], overlap: number, tokenizer: Tokenizer): Held[] {
  const kept: Held[] = []
  let count = 0
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as Held
    if (count + part.tokens.length > overlap) {
      if (kept.length) break
      const tokens = part.tokens.slice(-overlap)
      let text = tokenizer.decode(tokens)
      // Start on a word boundary rather than inside a word the cut went through.
      const space = text.search(/\s/)
      if (space > 0 && space < text.length / 2) text = text.slice(space + 1)
      return [{ unit: { ...part.unit, text }, tokens: tokenizer.encode(text) }]
    }
    kept.unshift(part)
    count += part.tokens.length
  }
  return kept
}
