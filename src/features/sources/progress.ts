/** The processing fields a file row carries on a Letta 0.8.7+ server and on the bundled one. */
export interface ProcessingFields {
  processing_status?: string | null
  error_message?: string | null
  total_chunks?: number | null
  chunks_embedded?: number | null
}

const ACTIVE_STATUSES = new Set(['pending', 'parsing', 'embedding'])

/** Still being worked on by the server. A file with no status (an older server) is treated as done. */
export function isProcessing(file: ProcessingFields): boolean {
  return ACTIVE_STATUSES.has(file.processing_status ?? '')
}

export function anyProcessing(files: readonly ProcessingFields[] | undefined): boolean {
  return files?.some(isProcessing) ?? false
}

export type ProcessingPhase =
  'pending' | 'parsing' | 'embedding' | 'completed' | 'error' | 'unknown'

export interface ProcessingProgress {
  phase: ProcessingPhase
  /** 0-100, or null while there is nothing to measure (text extraction, an error). */
  percent: number | null
  label: string
}

function clampPercent(done: number, total: number): number {
  if (total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)))
}

/** Where a file is in extraction and embedding, in a number for a bar and words for a person. */
export function processingProgress(file: ProcessingFields): ProcessingProgress {
  const total = file.total_chunks ?? 0
  const embedded = Math.min(file.chunks_embedded ?? 0, total || Infinity)
  switch (file.processing_status) {
    case 'pending':
      return { phase: 'pending', percent: 0, label: 'Waiting to be processed' }
    case 'parsing':
      return { phase: 'parsing', percent: null, label: 'Extracting text' }
    case 'embedding':
      return {
        phase: 'embedding',
        percent: clampPercent(embedded, total),
        label: total
          ? `${embedded.toLocaleString()} of ${total.toLocaleString()} chunks embedded`
          : 'Embedding',
      }
    case 'completed':
      return {
        phase: 'completed',
        percent: 100,
        label: `${total.toLocaleString()} ${total === 1 ? 'chunk' : 'chunks'} embedded`,
      }
    case 'error':
      return {
        phase: 'error',
        percent: null,
        label: file.error_message || 'Processing failed without a reason',
      }
    default:
      return {
        phase: 'unknown',
        percent: null,
        label: file.processing_status ? `Status: ${file.processing_status}` : 'No status reported',
      }
  }
}

/** "12 / 40" for the files table; a dash when the server has not counted chunks yet. */
export function chunksLabel(file: ProcessingFields): string {
  if (file.total_chunks === null || file.total_chunks === undefined) return '—'
  return `${(file.chunks_embedded ?? 0).toLocaleString()} / ${file.total_chunks.toLocaleString()}`
}

/** Bytes sent as a whole percentage; a zero-length body counts as sent once it is done. */
export function uploadPercent(loaded: number, total: number): number {
  return clampPercent(loaded, total)
}
