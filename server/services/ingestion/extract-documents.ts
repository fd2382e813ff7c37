import { IngestionError } from './cooperative.ts'
import type { ExtractedText } from './extract.ts'

/*
 * Parsers for binary documents. They run only inside an extraction worker thread
 * (extract-worker.ts): pdf.js replaces process-wide built-ins such as JSON.stringify, and a
 * large document would otherwise hold the server's event loop.
 */

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedText> {
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
    }
    return { pages, text: pages.join('\n\n') }
  } finally {
    await document.destroy()
  }
}

export async function extractDocx(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth')
  try {
    return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
  } catch (error) {
    throw new IngestionError(
      `The file is not a readable Word document: ${(error as Error).message}`,
    )
  }
}
