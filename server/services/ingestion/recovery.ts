import { UNFINISHED_FILE_STATUSES } from '../../storage/files-repository.ts'
import { ACTIVE_JOB_STATUSES } from '../../storage/jobs-repository.ts'
import { CANCELLED_MESSAGE, type IngestionDeps } from './ingest-file.ts'
import type { IngestionQueue } from './queue.ts'

/** A file whose processing crashes have cut off more often than this is failed rather than tried again. */
export const MAX_INTERRUPTIONS = 2

export interface RecoveryReport {
  resumed: string[]
  failed: string[]
  jobsClosed: number
  originalsRemoved: number
}

/**
 * Runs at start, before any request. Files a stop left half-done are resumed from their stored
 * original (their partial passages deleted first), unless a crash has cut the same file off more
 * than MAX_INTERRUPTIONS times, so one bad file cannot crash the server in a loop.
 */
export function recoverIngestion(deps: IngestionDeps, queue: IngestionQueue): RecoveryReport {
  const { files, passages, jobs, originals } = deps
  const report: RecoveryReport = { resumed: [], failed: [], jobsClosed: 0, originalsRemoved: 0 }
  const resumed = new Set<string>()

  for (const file of files.listByStatus(UNFINISHED_FILE_STATUSES)) {
    passages.deleteByFile(file.id)
    files.deleteContent(file.id)
    const job = file.job_id ? jobs.get(file.job_id) : undefined
    const fail = (message: string, counts: Record<string, number> = {}) => {
      files.update(file.id, {
        processing_status: 'error',
        error_message: message,
        chunks_embedded: 0,
      })
      if (job) jobs.fail(job.id, message, { stage: 'error', chunks_embedded: 0, ...counts })
      report.failed.push(file.id)
    }
    if (!job || !jobs.isActive(job)) {
      fail(
        job?.status === 'cancelled'
          ? CANCELLED_MESSAGE
          : 'The server stopped while processing this file and its job is gone; upload the file again.',
      )
      continue
    }
    if (!originals.exists(file.id)) {
      fail(
        'The server stopped while processing this file and its stored copy is missing; upload it again.',
      )
      continue
    }
    // A job still marked running was cut off by a crash; a clean shutdown put it back to pending.
    const interruptions =
      Number(job.metadata.interruptions ?? 0) + (job.status === 'running' ? 1 : 0)
    if (interruptions > MAX_INTERRUPTIONS) {
      fail(
        `The server stopped ${interruptions} times while processing this file, so it was not tried again.`,
        { interruptions },
      )
      continue
    }
    files.update(file.id, {
      processing_status: 'pending',
      error_message: null,
      total_chunks: null,
      chunks_embedded: 0,
    })
    jobs.requeue(job.id, { stage: 'queued', interruptions, chunks_embedded: 0 })
    queue.enqueue({ fileId: file.id, jobId: job.id })
    resumed.add(file.id)
    report.resumed.push(file.id)
  }

  // Upload jobs left open whose file finished, failed or vanished are closed to match it.
  for (const { job, fileId } of jobs.repository.listByStatusWithFile(ACTIVE_JOB_STATUSES)) {
    if (!fileId || resumed.has(fileId)) continue
    const file = files.get(fileId)
    if (file?.processing_status === 'completed') {
      const count = passages.countByFile(fileId)
      jobs.complete(job.id, { stage: 'completed', chunks_embedded: count, num_passages: count })
    } else {
      jobs.fail(job.id, file?.error_message ?? 'The file was deleted before it was processed.', {
        stage: 'error',
      })
    }
    report.jobsClosed++
  }

  report.originalsRemoved = originals.sweep(files.allIds())
  return report
}
