import type { Job } from '@/api/jobs'
import { formatTimestamp } from '@/lib/format'

/** With seconds: a job's steps are often seconds apart. */
export const formatDateTime = (iso: string | null | undefined) => formatTimestamp(iso, 'medium')

/** 450 -> "0.5 s", 12_300 -> "12 s", 184_000 -> "3 min 4 s", 7_500_000 -> "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** From creation to completion, or to now while the job runs; undefined when the dates are unreadable. */
export function jobDurationMs(
  job: Pick<Job, 'created_at' | 'completed_at'>,
  now: number,
): number | undefined {
  const start = Date.parse(job.created_at)
  const end = job.completed_at ? Date.parse(job.completed_at) : now
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined
  return Math.max(0, end - start)
}

const numberIn = (metadata: Job['metadata'], key: string): number | undefined => {
  const value = metadata[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

const textIn = (metadata: Job['metadata'], key: string): string | undefined => {
  const value = metadata[key]
  return typeof value === 'string' && value ? value : undefined
}

export interface JobProgress {
  done: number
  total: number
  percent: number
}

/** Embedding progress from the job's metadata, when the work reports it. */
export function jobProgress(job: Pick<Job, 'metadata'>): JobProgress | undefined {
  const total = numberIn(job.metadata, 'total_chunks')
  if (total === undefined || total <= 0) return undefined
  const done = Math.min(total, Math.max(0, numberIn(job.metadata, 'chunks_embedded') ?? 0))
  return { done, total, percent: Math.round((done / total) * 100) }
}

/** What the job works on: a source and a file, as far as its metadata says. */
export function jobSubject(job: Pick<Job, 'metadata'>): {
  sourceId: string | undefined
  fileId: string | undefined
  fileName: string | undefined
} {
  return {
    sourceId: textIn(job.metadata, 'source_id'),
    fileId: textIn(job.metadata, 'file_id'),
    fileName: textIn(job.metadata, 'file_name'),
  }
}

/** Why the job failed, in the server's words. */
export function jobError(job: Pick<Job, 'metadata'>): string | undefined {
  return textIn(job.metadata, 'error') ?? textIn(job.metadata, 'error_message')
}

/** "job-5f0c1d2e-…" -> "5f0c1d2e": enough to tell jobs apart in a table. */
export function shortJobId(id: string): string {
  return id.replace(/^(job|run)-/, '').slice(0, 8)
}

/** The job types in words, plural, for the Type filter. */
export const JOB_TYPE_LABELS: Readonly<Record<string, string>> = {
  job: 'File uploads',
  run: 'Agent runs',
  batch: 'Batches',
}

/** What kind of work a job is, in words: a file upload rather than "job". */
export function jobKindLabel(job: Pick<Job, 'job_type' | 'metadata'>): string {
  const subject = jobSubject(job)
  if (job.job_type === 'job')
    return subject.fileId || subject.fileName ? 'File upload' : 'Background job'
  if (job.job_type === 'run') return 'Agent run'
  if (job.job_type === 'batch') return 'Batch'
  return job.job_type
}
