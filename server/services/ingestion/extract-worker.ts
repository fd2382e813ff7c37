import { parentPort } from 'node:worker_threads'

import { IngestionError } from './cooperative.ts'
import { extractDocx, extractPdf } from './extract-documents.ts'
import type { ExtractedText } from './extract.ts'

export interface ExtractionRequest {
  bytes: Uint8Array
  extractor: 'pdf' | 'docx'
}

export type ExtractionReply =
  | { ok: true; extracted: ExtractedText }
  /** explained: the message is fit to show the user; otherwise it is a bug worth logging. */
  | { ok: false; explained: boolean; message: string }

async function extract({ bytes, extractor }: ExtractionRequest): Promise<ExtractionReply> {
  try {
    const extracted: ExtractedText =
      extractor === 'pdf'
        ? await extractPdf(bytes)
        : { pages: null, text: await extractDocx(bytes) }
    return { ok: true, extracted }
  } catch (error) {
    return {
      ok: false,
      explained: error instanceof IngestionError,
      message: error instanceof Error ? error.message : String(error),
    }
  }
}

// One document at a time: the thread that sent it waits for this reply before sending another.
parentPort?.on('message', (request: ExtractionRequest) => {
  void extract(request).then((reply) => parentPort?.postMessage(reply))
})
