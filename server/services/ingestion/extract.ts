import { Worker } from 'node:worker_threads'

import { IngestionError, type Yielder } from './cooperative.ts'
import type { AcceptedType } from './file-types.ts'

/** Extracted text: one string, or one per page for PDFs (so chunks can name their pages). */
export type ExtractedText = { pages: null; text: string } | { pages: string[]; text: string }

/** What extract-worker.mjs is sent, and answers. */
interface ExtractionRequest {
  bytes: Uint8Array
  extractor: 'pdf' | 'docx'
}
type ExtractionReply =
  | { ok: true; extracted: ExtractedText }
  /** explained: the message is fit to show the user; otherwise it is a bug worth logging. */
  | { ok: false; explained: boolean; message: string }

/** Heap a document's parser may use; beyond it the file fails rather than the server. */
const WORKER_HEAP_MB = 1024
/** An idle worker is ended after this long, giving its memory back. */
const WORKER_IDLE_MS = 60_000

/** Started workers waiting for a document; pdf.js loads once per worker, not once per file. */
const idleWorkers: { worker: Worker; timer: NodeJS.Timeout }[] = []

function takeWorker(): Worker {
  const idle = idleWorkers.pop()
  if (idle) {
    clearTimeout(idle.timer)
    idle.worker.ref()
    return idle.worker
  }
  return new Worker(new URL('./extract-worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  })
}

function returnWorker(worker: Worker): void {
  // An idle worker never keeps the server (or a test run) alive.
  worker.unref()
  const timer = setTimeout(() => {
    idleWorkers.splice(
      idleWorkers.findIndex((idle) => idle.worker === worker),
      1,
    )
    void worker.terminate()
  }, WORKER_IDLE_MS).unref()
  idleWorkers.push({ worker, timer })
}

/**
 * Parses a PDF or Word document in a worker thread, so the parser can neither change this
 * process (pdf.js replaces JSON.stringify) nor hold its event loop; cancelling ends the worker.
 */
function extractInWorker(
  bytes: Buffer,
  extractor: ExtractionRequest['extractor'],
  signal: AbortSignal,
): Promise<ExtractedText> {
  signal.throwIfAborted()
  const worker = takeWorker()
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (keepWorker: boolean, finish: () => void) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', abort)
      // Only this call's listeners: the Worker keeps internal ones of its own.
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (keepWorker) returnWorker(worker)
      else void worker.terminate()
      finish()
    }
    const abort = () => settle(false, () => reject(signal.reason))
    const onMessage = (reply: ExtractionReply) =>
      settle(true, () => {
        if (reply.ok) resolve(reply.extracted)
        else if (reply.explained) reject(new IngestionError(reply.message))
        else reject(new Error(reply.message))
      })
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new IngestionError(
                `Reading the document needed more than ${WORKER_HEAP_MB} MB of memory, so it was stopped.`,
              )
            : error,
        ),
      )
    const onExit = (code: number) =>
      settle(false, () => reject(new Error(`The extraction worker stopped (exit code ${code})`)))
    signal.addEventListener('abort', abort, { once: true })
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    const request: ExtractionRequest = { bytes: new Uint8Array(bytes), extractor }
    worker.postMessage(request)
  })
}

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
    case 'docx':
      extracted = await extractInWorker(bytes, type.extractor, yielder.signal)
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
