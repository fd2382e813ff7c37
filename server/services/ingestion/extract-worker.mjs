// Parses PDF and Word documents in a worker thread (see extractInWorker in extract.ts): pdf.js
// replaces process-wide built-ins such as JSON.stringify, and a large document would otherwise
// hold the server's event loop. Plain JavaScript, so the worker starts without a TypeScript loader.
import { Buffer } from 'node:buffer'
import { parentPort } from 'node:worker_threads'

/** A failure whose message is fit to show the user. */
class ExplainedError extends Error {}

/** @param {Uint8Array} bytes */
async function extractPdf(bytes) {
  // Loaded on first use: pdf.js is large and most servers never see a PDF.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    if (error.name === 'PasswordException') {
      throw new ExplainedError('The PDF is protected by a password; upload an unlocked copy.')
    }
    throw new ExplainedError(`The file is not a readable PDF: ${error.message}`)
  }
  try {
    const pages = []
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
    }
    return { pages, text: pages.join('\n\n') }
  } finally {
    await document.destroy()
  }
}

/** @param {Uint8Array} bytes */
async function extractDocx(bytes) {
  const { default: mammoth } = await import('mammoth')
  try {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
    return { pages: null, text }
  } catch (error) {
    throw new ExplainedError(`The file is not a readable Word document: ${error.message}`)
  }
}

/** @param {{ bytes: Uint8Array, extractor: 'pdf' | 'docx' }} request */
async function extract({ bytes, extractor }) {
  try {
    const extracted = extractor === 'pdf' ? await extractPdf(bytes) : await extractDocx(bytes)
    return { ok: true, extracted }
  } catch (error) {
    return {
      ok: false,
      explained: error instanceof ExplainedError,
      message: error instanceof Error ? error.message : String(error),
    }
  }
}

// One document at a time: the thread that sent it waits for this reply before sending another.
parentPort?.on('message', (request) => {
  void extract(request).then((reply) => parentPort?.postMessage(reply))
})
