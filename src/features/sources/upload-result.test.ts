import { describe, expect, it } from 'vitest'

import type { SourceFile } from '@/api/sources'
import type { Job } from '@/api/upload'

import { idsOfUploadResult } from './upload-result'

describe('idsOfUploadResult', () => {
  it('reads the file id from the metadata of a Job', () => {
    const job = {
      id: 'job-1',
      metadata: { source_id: 'source-1', file_id: 'file-1' },
    } as unknown as Job
    expect(idsOfUploadResult(job)).toEqual({ jobId: 'job-1', fileId: 'file-1' })
  })

  it('takes a file answer as the file, with no job to track', () => {
    const file = { id: 'file-2', processing_status: 'pending' } as unknown as SourceFile
    expect(idsOfUploadResult(file)).toEqual({ fileId: 'file-2' })
  })

  it('leaves the file unknown when a Job does not name it', () => {
    const job = { id: 'job-3', metadata: { file_id: 42 } } as unknown as Job
    expect(idsOfUploadResult(job)).toEqual({ jobId: 'job-3', fileId: undefined })
  })
})
