import { useSyncExternalStore } from 'react'

import { uploadFileToSource } from '@/api/upload'
import { trackJob } from '@/lib/tracked-jobs'

import { idsOfUploadResult } from './upload-result'

/** One file the user dropped or picked on a source's page, from refusal or upload to the server's job. */
export interface UploadEntry {
  key: string
  sourceId: string
  file: File
  /** rejected: refused before upload; uploading: bytes in flight; sent: the server took it; failed: it did not. */
  state: 'rejected' | 'uploading' | 'sent' | 'failed'
  loaded: number
  total: number
  /** Why it was refused or why the upload failed. */
  reason?: string
  jobId?: string
  fileId?: string
  /** When the server took it (ms since the epoch): a files list fetched later must contain it. */
  sentAt?: number
}

let entries: UploadEntry[] = []
const listeners = new Set<() => void>()
let nextKey = 1

function emit(next: UploadEntry[]): void {
  entries = next
  for (const listener of listeners) listener()
}

function update(key: string, patch: Partial<UploadEntry>): void {
  emit(entries.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)))
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The uploads of one source, oldest first. Kept for the session, so leaving the page loses nothing. */
export function useUploads(sourceId: string): UploadEntry[] {
  const all = useSyncExternalStore(subscribe, () => entries)
  return all.filter((entry) => entry.sourceId === sourceId)
}

async function send(key: string, replace: boolean, onSent: () => void): Promise<void> {
  const entry = entries.find((candidate) => candidate.key === key)
  if (!entry) return
  update(key, { state: 'uploading', loaded: 0, total: entry.file.size, reason: undefined })
  try {
    const result = await uploadFileToSource({
      sourceId: entry.sourceId,
      file: entry.file,
      duplicateHandling: replace ? 'replace' : undefined,
      onProgress: (loaded, total) => update(key, { loaded, total }),
    })
    const { jobId, fileId } = idsOfUploadResult(result)
    update(key, { state: 'sent', loaded: entry.file.size, jobId, fileId, sentAt: Date.now() })
    if (jobId) {
      trackJob({
        id: jobId,
        label: `Upload of ${entry.file.name}`,
        href: `/sources/${entry.sourceId}`,
      })
    }
    onSent()
  } catch (error) {
    update(key, {
      state: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    })
  }
}

/** Queues files for a source: refused ones with their reasons, the others uploaded at once. */
export function addUploads(
  sourceId: string,
  accepted: readonly File[],
  rejected: readonly { file: File; reason: string }[],
  onSent: () => void,
): void {
  const refused: UploadEntry[] = rejected.map(({ file, reason }) => ({
    key: `upload-${nextKey++}`,
    sourceId,
    file,
    state: 'rejected',
    loaded: 0,
    total: file.size,
    reason,
  }))
  const queued: UploadEntry[] = accepted.map((file) => ({
    key: `upload-${nextKey++}`,
    sourceId,
    file,
    state: 'uploading',
    loaded: 0,
    total: file.size,
  }))
  emit([...entries, ...refused, ...queued])
  for (const entry of queued) void send(entry.key, false, onSent)
}

/** Sends the same File again, replacing whatever the server kept of the earlier attempt. */
export function retryUpload(key: string, onSent: () => void): void {
  void send(key, true, onSent)
}

export function dismissUpload(key: string): void {
  emit(entries.filter((entry) => entry.key !== key))
}

/** Forgets the entries of a source that `keep` turns down: cleared rows, or those of a deleted file. */
export function clearUploads(sourceId: string, keep: (entry: UploadEntry) => boolean): void {
  emit(entries.filter((entry) => entry.sourceId !== sourceId || keep(entry)))
}
