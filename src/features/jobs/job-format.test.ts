import { describe, expect, it } from 'vitest'

import {
  formatDateTime,
  formatDuration,
  jobDurationMs,
  jobError,
  jobKindLabel,
  jobProgress,
  jobSubject,
  shortJobId,
} from './job-format'
import { testJob } from './test-job'

describe('formatDuration', () => {
  it('reads at every scale', () => {
    expect(formatDuration(0)).toBe('0.0 s')
    expect(formatDuration(450)).toBe('0.5 s')
    expect(formatDuration(9_940)).toBe('9.9 s')
    expect(formatDuration(12_300)).toBe('12 s')
    expect(formatDuration(184_000)).toBe('3 min 4 s')
    expect(formatDuration(7_500_000)).toBe('2 h 5 min')
    expect(formatDuration(-5)).toBe('—')
    expect(formatDuration(Number.NaN)).toBe('—')
  })
})

describe('jobDurationMs', () => {
  const created_at = '2025-01-01T00:00:00.000Z'
  it('runs to completion, or to now while running', () => {
    expect(jobDurationMs({ created_at, completed_at: '2025-01-01T00:00:02.500Z' }, 0)).toBe(2_500)
    expect(jobDurationMs({ created_at, completed_at: null }, Date.parse(created_at) + 700)).toBe(
      700,
    )
    expect(jobDurationMs({ created_at: 'yesterday', completed_at: null }, 0)).toBeUndefined()
  })
})

describe('jobProgress', () => {
  it('comes from chunks_embedded out of total_chunks', () => {
    expect(jobProgress({ metadata: { total_chunks: 40, chunks_embedded: 10 } })).toEqual({
      done: 10,
      total: 40,
      percent: 25,
    })
    expect(jobProgress({ metadata: { total_chunks: 4, chunks_embedded: 9 } })?.percent).toBe(100)
    expect(jobProgress({ metadata: { total_chunks: 3 } })).toEqual({
      done: 0,
      total: 3,
      percent: 0,
    })
  })

  it('is absent when the work does not report it', () => {
    expect(jobProgress({ metadata: {} })).toBeUndefined()
    expect(jobProgress({ metadata: { total_chunks: 0 } })).toBeUndefined()
    expect(jobProgress({ metadata: { total_chunks: '12' } })).toBeUndefined()
  })
})

describe('job metadata', () => {
  it('names the source, the file and the error', () => {
    const job = {
      metadata: { source_id: 'source-1', file_id: 'file-1', file_name: 'a.pdf', error: 'Bad PDF' },
    }
    expect(jobSubject(job)).toEqual({ sourceId: 'source-1', fileId: 'file-1', fileName: 'a.pdf' })
    expect(jobError(job)).toBe('Bad PDF')
    expect(jobSubject({ metadata: { source_id: 42 } })).toEqual({
      sourceId: undefined,
      fileId: undefined,
      fileName: undefined,
    })
  })

  it('shortens ids and dates for tables', () => {
    expect(shortJobId('job-5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f')).toBe('5f0c1d2e')
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a date')).toBe('—')
    expect(formatDateTime('2025-01-01T00:00:00Z')).toMatch(/2025|25/)
  })
})

describe('jobKindLabel', () => {
  it('names a job by the work it does', () => {
    const upload = testJob({
      status: 'completed',
      job_type: 'job',
      metadata: { file_id: 'file-1', file_name: 'a.pdf' },
    })
    expect(jobKindLabel(upload)).toBe('File upload')
    expect(jobKindLabel(testJob({ status: 'completed', job_type: 'job', metadata: {} }))).toBe(
      'Background job',
    )
    expect(jobKindLabel(testJob({ status: 'completed', job_type: 'run' }))).toBe('Agent run')
    expect(jobKindLabel(testJob({ status: 'completed', job_type: 'batch' }))).toBe('Batch')
  })
})
