import { IngestionError, type Yielder } from './cooperative.ts'
import type { AcceptedType } from './file-types.ts'

/** Extracted text: one string, or one per page for PDFs (so chunks can name their pages). */
export type ExtractedText = { pages: null; text: string } | { pages: string[]; text: string }

/** Large HTML is converted in slices of about this many characters, with a yield between them. */
const HTML_SLICE_CHARS = 256 * 1024

export async function extractText(
  bytes: Buffer,
  type: AcceptedType,
  yielder: Yielder,
): Promise<ExtractedText> {
  if (bytes.length === 0) throw new IngestionError('The file is empty: there is no text to index.')
  let extracted: ExtractedText
  switch (type.extractor) {
    case 'pdf':
      extracted = await extractPdf(bytes, yielder)
      break
    case 'docx':
      extracted = { pages: null, text: await extractDocx(bytes) }
      break
    case 'html':
      extracted = { pages: null, text: await htmlToText(decodeText(bytes, type), yielder) }
      break
    case 'text':
      extracted = { pages: null, text: decodeText(bytes, type) }
      break
  }
  if (!extracted.text.trim()) {
    throw new IngestionError(
      type.extractor === 'pdf'
        ? 'No text could be extracted from the PDF: its pages may be scanned images, and this server does no OCR.'
        : 'The file contains only whitespace: there is no text to index.',
    )
  }
  return extracted
}

/**
 * Text files must be UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured). Anything else fails with
 * a reason the user can act on rather than being indexed as mojibake.
 */
export function decodeText(bytes: Buffer, type: Pick<AcceptedType, 'extension'>): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new IngestionError(
      `The file looks like binary data, not text (it has a zero byte at offset ${nul}); a ${type.extension} file must be UTF-8 text.`,
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new IngestionError(
      `The file is not valid UTF-8 text (the first bad byte is at offset ${invalidUtf8Offset(bytes)}). Save it as UTF-8 and upload it again.`,
    )
  }
}

/** The offset of the first byte that breaks UTF-8, for the error message; -1 when the bytes are valid. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i] as number
    let continuation: number
    let min: number
    if (byte < 0x80) {
      i++
      continue
    } else if (byte >= 0xc2 && byte <= 0xdf) [continuation, min] = [1, 0x80]
    else if (byte >= 0xe0 && byte <= 0xef) [continuation, min] = [2, 0x800]
    else if (byte >= 0xf0 && byte <= 0xf4) [continuation, min] = [3, 0x10000]
    else return i
    let codePoint = byte & (0x3f >> continuation)
    for (let k = 1; k <= continuation; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return i
    }
    i += continuation + 1
  }
  return -1
}

async function extractPdf(bytes: Buffer, yielder: Yielder): Promise<ExtractedText> {
  // Loaded on first use: pdf.js is large and most servers never see a PDF.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  })
  let document: Awaited<typeof task.promise>
  try {
    document = await task.promise
  } catch (error) {
    const name = (error as Error).name
    if (name === 'PasswordException') {
      throw new IngestionError('The PDF is protected by a password; upload an unlocked copy.')
    }
    throw new IngestionError(`The file is not a readable PDF: ${(error as Error).message}`)
  }
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str
        if (item.hasEOL) text += '\n'
      }
      pages.push(text.trim())
      page.cleanup()
      await yielder.maybeYield()
    }
    return { pages, text: pages.join('\n\n') }
  } finally {
    await document.destroy()
  }
}

async function extractDocx(bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth')
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value
  } catch (error) {
    throw new IngestionError(
      `The file is not a readable Word document: ${(error as Error).message}`,
    )
  }
}

/** HTML to plain text; a large page is converted in slices cut between elements, yielding in between. */
async function htmlToText(html: string, yielder: Yielder): Promise<string> {
  const { convert } = await import('html-to-text')
  const options = {
    wordwrap: false as const,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
      { selector: 'table', format: 'dataTable' },
    ],
  }
  const parts: string[] = []
  let start = 0
  while (start < html.length) {
    const end = sliceEnd(html, start)
    parts.push(convert(html.slice(start, end), options))
    start = end
    await yielder.maybeYield()
  }
  return parts.join('\n\n')
}

const BLOCK_END = /<\/(?:p|div|section|article|li|tr|table|h[1-6]|ul|ol|pre|blockquote)\s*>/gi

/** Where the slice from `start` ends: just after the last closing block tag near the size limit. */
function sliceEnd(html: string, start: number): number {
  const limit = start + HTML_SLICE_CHARS
  if (limit >= html.length) return html.length
  const windowStart = Math.max(start, limit - 32 * 1024)
  let cut = -1
  for (const match of html.slice(windowStart, limit).matchAll(BLOCK_END)) {
    cut = match.index + match[0].length
  }
  return cut > 0 ? windowStart + cut : limit
}
