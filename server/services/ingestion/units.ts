/** A piece of text the chunker never splits unless it alone exceeds a chunk: a sentence, a line, a record. */
export interface Unit {
  /** Includes the whitespace that followed it, so joining units restores the text. */
  text: string
  /**
   * A seam worth cutting at: start a new chunk here once the current one is at least this full
   * (a fraction of the budget). Sections and definitions cut early, paragraphs later.
   */
  breakBefore?: number | undefined
  /** Page, line or record number where the unit starts. */
  position?: number | undefined
  /** The Markdown heading the unit sits under. */
  section?: string | undefined
}

export const SECTION_BREAK = 0.25
export const PARAGRAPH_BREAK = 0.5

/** No unit is longer than this; longer runs without a sentence end are cut at whitespace. */
export const MAX_UNIT_CHARS = 2000

// A sentence ends at . ! ? (then closing quotes or brackets) before whitespace, or at a CJK full
// stop; a blank line ends a paragraph.
const SENTENCE_END = /[.!?]+["'”’)\]]*\s+|[。！？]+["'”’)\]]*\s*|\n[^\S\n]*\n\s*/g
const PARAGRAPH = /\n[^\S\n]*\n/

/** Where to cut a run that has no sentence end: at the last whitespace before the limit. */
function cutPoint(text: string, from: number, limit: number): number {
  for (let i = limit; i > from + MAX_UNIT_CHARS / 2; i--) {
    const code = text.charCodeAt(i - 1)
    if (code === 32 || code === 10 || code === 9) return i
  }
  // Never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

/** Sentences, in order; `paragraphStart` marks the first of each paragraph. Linear in the text's length. */
export function* sentences(text: string): Generator<{ text: string; paragraphStart: boolean }> {
  const pattern = new RegExp(SENTENCE_END.source, 'g')
  let position = 0
  let next: RegExpExecArray | null = null
  let exhausted = false
  let paragraphStart = true
  while (position < text.length) {
    // One search serves every cut before the match it found, so a long run is not rescanned.
    if (!exhausted && (next === null || next.index < position)) {
      pattern.lastIndex = position
      next = pattern.exec(text)
      if (!next) exhausted = true
    }
    let end: number
    let endsParagraph = false
    if (next && next.index + next[0].length - position <= MAX_UNIT_CHARS) {
      end = next.index + next[0].length
      endsParagraph = PARAGRAPH.test(next[0])
      next = null
    } else if (text.length - position <= MAX_UNIT_CHARS) {
      end = text.length
    } else {
      end = cutPoint(text, position, position + MAX_UNIT_CHARS)
    }
    yield { text: text.slice(position, end), paragraphStart }
    paragraphStart = endsParagraph
    position = end
  }
}

/** Lines with their line breaks, numbered from 1; an over-long line comes in pieces with one number. */
export function* lines(text: string): Generator<{ text: string; line: number }> {
  let position = 0
  let line = 1
  while (position < text.length) {
    const newline = text.indexOf('\n', position)
    let end = newline === -1 ? text.length : newline + 1
    if (end - position > MAX_UNIT_CHARS) end = cutPoint(text, position, position + MAX_UNIT_CHARS)
    const piece = text.slice(position, end)
    yield { text: piece, line }
    if (piece.endsWith('\n')) line++
    position = end
  }
}

export function* proseUnits(text: string): Generator<Unit> {
  for (const sentence of sentences(text)) {
    yield {
      text: sentence.text,
      breakBefore: sentence.paragraphStart ? PARAGRAPH_BREAK : undefined,
    }
  }
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const FENCE = /^ {0,3}(```|~~~)/

/** Markdown: every heading opens a section (outside code fences); long lines split into sentences. */
export function* markdownUnits(text: string): Generator<Unit> {
  let fence: string | undefined
  let section: string | undefined
  let afterBlank = true
  for (const { text: line, line: number } of lines(text)) {
    const content = line.trimEnd()
    const fenceMatch = FENCE.exec(content)
    if (fenceMatch)
      fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence
    const heading = fence === undefined && !fenceMatch ? HEADING.exec(content) : null
    if (heading) {
      section = heading[2] || section
      yield { text: line, breakBefore: SECTION_BREAK, position: number, section }
    } else if (line.length > 400 && fence === undefined) {
      let first = true
      for (const sentence of sentences(line)) {
        const breakBefore = first && afterBlank ? PARAGRAPH_BREAK : undefined
        yield { text: sentence.text, breakBefore, position: number, section }
        first = false
      }
    } else {
      const breakBefore = afterBlank && content ? PARAGRAPH_BREAK : undefined
      yield { text: line, breakBefore, position: number, section }
    }
    afterBlank = !content
  }
}

// A line that starts a top-level definition in the common languages (or a decorator above one).
const DEFINITION =
  /^(?:@\w|(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:(?:def|class|function\*?|fn|func|interface|type|struct|enum|impl|trait|module|namespace|public|private|protected|internal|static|abstract|final|sealed|object|record|package|sub|proc|procedure|CREATE|create)\b|(?:const|let|var)\s+\w+\s*=))/

/** Code: lines, with a preferred cut before each top-level definition and after blank lines. */
export function* codeUnits(text: string): Generator<Unit> {
  let afterBlank = false
  let previousDecorator = false
  for (const { text: line, line: number } of lines(text)) {
    const content = line.trimEnd()
    const definition = DEFINITION.test(content)
    let breakBefore: number | undefined
    if (definition && !previousDecorator) breakBefore = SECTION_BREAK
    else if (afterBlank && content && !/^\s/.test(content)) breakBefore = PARAGRAPH_BREAK
    yield { text: line, breakBefore, position: number }
    afterBlank = !content
    previousDecorator = content.startsWith('@')
  }
}

const CONFIG_SECTION = /^\s*\[[^\]]+\]\s*$/

/** Configuration, styles and markup: lines, cut preferably at [sections] and blank lines. */
export function* configUnits(text: string): Generator<Unit> {
  let afterBlank = false
  for (const { text: line, line: number } of lines(text)) {
    const content = line.trimEnd()
    let breakBefore: number | undefined
    if (CONFIG_SECTION.test(content)) breakBefore = SECTION_BREAK
    else if (afterBlank && content) breakBefore = PARAGRAPH_BREAK
    yield { text: line, breakBefore, position: number }
    afterBlank = !content
  }
}
