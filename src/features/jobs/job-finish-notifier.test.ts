import { describe, expect, it } from 'vitest'

import type { Job } from '@/api/jobs'

import { finishNotice } from './job-finish-notifier'
import { testJob } from './test-job'

const job = (status: string, metadata: Record<string, unknown> = {}): Job =>
  testJob({ status, metadata, completed_at: '2025-01-01T00:00:01Z' })

const tracked = { id: 'job-1', label: 'Upload of report.pdf', href: '/sources/source-1' }

describe('finishNotice', () => {
  it('says a completed job completed and links to its result', () => {
    expect(finishNotice(tracked, job('completed'))).toEqual({
      tone: 'success',
      message: 'Upload of report.pdf completed',
      href: '/sources/source-1',
    })
    expect(finishNotice({ id: 'job-1', label: 'Batch' }, job('completed')).href).toBe('/jobs/job-1')
  })

  it('gives the reason of a failure and links to the job', () => {
    expect(finishNotice(tracked, job('failed', { error: 'Unreadable PDF' }))).toEqual({
      tone: 'error',
      message: 'Upload of report.pdf failed: Unreadable PDF',
      href: '/jobs/job-1',
    })
    expect(finishNotice(tracked, job('failed')).message).toBe('Upload of report.pdf failed')
  })

  it('tells of cancelled and unknown endings', () => {
    expect(finishNotice(tracked, job('cancelled')).message).toBe(
      'Upload of report.pdf was cancelled',
    )
    expect(finishNotice(tracked, job('expired')).message).toBe(
      'Upload of report.pdf ended: expired',
    )
  })
})
