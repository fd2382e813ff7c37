import { describe, expect, it } from 'vitest'

import { canRetry, isSettled, uploadRowView } from './upload-row'
import type { UploadEntry } from './upload-store'

const file = new File(['hello'], 'notes.md')
const entry = (patch: Partial<UploadEntry>): UploadEntry => ({
  key: 'upload-1',
  sourceId: 'source-1',
  file,
  state: 'uploading',
  loaded: 0,
  total: 5,
  ...patch,
})
const none = { files: undefined, updatedAt: 0 }

describe('uploadRowView', () => {
  it('shows the byte progress while uploading', () => {
    const view = uploadRowView(entry({ loaded: 2, total: 5 }), none)
    expect(view).toEqual({ kind: 'uploading', percent: 40, loaded: 2, total: 5 })
    expect(canRetry(view)).toBe(false)
    expect(isSettled(view)).toBe(false)
  })

  it('keeps the refusal or failure reason', () => {
    const refused = uploadRowView(
      entry({ state: 'rejected', reason: '.exe files are not supported' }),
      none,
    )
    expect(refused).toEqual({ kind: 'rejected', reason: '.exe files are not supported' })
    expect(isSettled(refused)).toBe(true)
    expect(canRetry(refused)).toBe(false)

    const failed = uploadRowView(
      entry({ state: 'failed', reason: 'Cannot reach the server' }),
      none,
    )
    expect(failed).toEqual({ kind: 'failed', reason: 'Cannot reach the server' })
    expect(canRetry(failed)).toBe(true)
  })

  it("follows the server's file row once sent", () => {
    const sent = entry({ state: 'sent', fileId: 'file-1', sentAt: 1000 })
    const embedding = uploadRowView(sent, {
      files: [
        { id: 'file-1', processing_status: 'embedding', total_chunks: 10, chunks_embedded: 5 },
      ],
      updatedAt: 2000,
    })
    expect(embedding).toMatchObject({
      kind: 'processing',
      progress: { phase: 'embedding', percent: 50 },
    })
    expect(isSettled(embedding)).toBe(false)

    const failed = uploadRowView(sent, {
      files: [{ id: 'file-1', processing_status: 'error', error_message: 'No text in PDF' }],
      updatedAt: 2000,
    })
    expect(canRetry(failed)).toBe(true)

    const done = uploadRowView(sent, {
      files: [
        { id: 'file-1', processing_status: 'completed', total_chunks: 3, chunks_embedded: 3 },
      ],
      updatedAt: 2000,
    })
    expect(isSettled(done)).toBe(true)
  })

  it('waits for a list fetched after the upload before calling the file gone', () => {
    const sent = entry({ state: 'sent', fileId: 'file-1', sentAt: 1000 })
    expect(uploadRowView(sent, { files: [], updatedAt: 900 })).toEqual({ kind: 'waiting' })
    expect(uploadRowView(sent, none)).toEqual({ kind: 'waiting' })
    expect(uploadRowView(sent, { files: [], updatedAt: 1500 })).toEqual({ kind: 'gone' })
  })
})
