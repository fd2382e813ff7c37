import { jsonNestingDepth, MAX_JSON_DEPTH } from '../json-depth.ts'
import { IngestionError } from './cooperative.ts'

export interface TextRecord {
  text: string
  /** 1-based: the element, key, line or row the record came from. */
  number: number
}

function parseJson(text: string, what: string): unknown {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    throw new IngestionError(
      `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep, which this server does not index.`,
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new IngestionError(`${what} is not valid JSON: ${(error as Error).message}`)
  }
}

/** JSON: each element of a top-level array, or each key of a top-level object, is one record. */
export function* jsonRecords(text: string): Generator<TextRecord> {
  const value = parseJson(text.replace(/^\uFEFF/, ''), 'The file')
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield { text: JSON.stringify(item), number: index + 1 }
    }
  } else if (value !== null && typeof value === 'object') {
    let number = 0
    for (const [key, item] of Object.entries(value)) {
      yield { text: JSON.stringify({ [key]: item }), number: ++number }
    }
  } else {
    yield { text: JSON.stringify(value), number: 1 }
  }
}

/** JSON Lines: each non-blank line is one record and must be valid JSON on its own. */
export function* jsonLinesRecords(text: string): Generator<TextRecord> {
  let position = 0
  let number = 0
  while (position < text.length) {
    const newline = text.indexOf('\n', position)
    const end = newline === -1 ? text.length : newline
    const line = text.slice(position, end).trim()
    number++
    if (line) {
      parseJson(line, `Line ${number}`)
      yield { text: line, number }
    }
    position = end + 1
  }
}

/** CSV rows, as written (a quoted field may hold line breaks); numbered from 1, header included. */
export function* csvRecords(text: string): Generator<TextRecord> {
  let start = 0
  let quoted = false
  let number = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 34) quoted = !quoted
    else if (code === 10 && !quoted) {
      const row = text.slice(start, i).replace(/\r$/, '')
      number++
      if (row.trim()) yield { text: row, number }
      start = i + 1
    }
  }
  // A quote left open swallows the rest of the file: it is still indexed rather than lost.
  const row = text.slice(start).replace(/\r$/, '')
  if (row.trim()) yield { text: row, number: number + 1 }
}
