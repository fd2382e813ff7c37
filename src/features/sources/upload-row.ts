import {
  processingProgress,
  uploadPercent,
  type ProcessingFields,
  type ProcessingProgress,
} from './progress'
import type { UploadEntry } from './upload-store'

export type UploadRowView =
  | { kind: 'rejected'; reason: string }
  | { kind: 'uploading'; percent: number; loaded: number; total: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'waiting' }
  | { kind: 'gone' }
  | { kind: 'processing'; progress: ProcessingProgress }

export interface FilesSnapshot {
  files: readonly (ProcessingFields & { id: string })[] | undefined
  /** When that list was fetched (ms since the epoch). */
  updatedAt: number
}

/** What an upload row shows: the browser's side until the server has the file, then the server's. */
export function uploadRowView(entry: UploadEntry, snapshot: FilesSnapshot): UploadRowView {
  switch (entry.state) {
    case 'rejected':
      return { kind: 'rejected', reason: entry.reason ?? 'Refused before upload' }
    case 'uploading':
      return {
        kind: 'uploading',
        percent: uploadPercent(entry.loaded, entry.total),
        loaded: entry.loaded,
        total: entry.total,
      }
    case 'failed':
      return { kind: 'failed', reason: entry.reason ?? 'The upload failed' }
    case 'sent': {
      const row = snapshot.files?.find((file) => file.id === entry.fileId)
      if (row) return { kind: 'processing', progress: processingProgress(row) }
      // A list fetched after the upload that lacks the file means it was deleted since.
      const fetchedSince =
        snapshot.files !== undefined && snapshot.updatedAt > (entry.sentAt ?? Infinity)
      return fetchedSince ? { kind: 'gone' } : { kind: 'waiting' }
    }
  }
}

/** Whether a row can be cleared away: it needs nothing more from the user or the server. */
export function isSettled(view: UploadRowView): boolean {
  return (
    view.kind === 'rejected' ||
    view.kind === 'gone' ||
    (view.kind === 'processing' && view.progress.phase === 'completed')
  )
}

/** Whether Retry makes sense: the upload failed, or the server could not process the file. */
export function canRetry(view: UploadRowView): boolean {
  return view.kind === 'failed' || (view.kind === 'processing' && view.progress.phase === 'error')
}
