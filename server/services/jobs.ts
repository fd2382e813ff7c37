import { nowIso } from '../storage/ids.ts'
import {
  ACTIVE_JOB_STATUSES,
  type Job,
  type JobsRepository,
  type NewJob,
} from '../storage/jobs-repository.ts'

type FinishedListener = (job: Job) => void

/**
 * The life of a background job: created, running with progress in its metadata, then completed,
 * failed or cancelled. Work in progress registers an AbortController so cancel really stops it.
 */
export class JobService {
  private readonly running = new Map<string, AbortController>()
  private readonly finishedListeners = new Set<FinishedListener>()

  constructor(readonly repository: JobsRepository) {}

  create(input: NewJob): Job {
    return this.repository.create(input)
  }

  get(id: string): Job | undefined {
    return this.repository.get(id)
  }

  isActive(job: Job): boolean {
    return ACTIVE_JOB_STATUSES.includes(job.status)
  }

  /** Marks the job running and returns the signal its work must watch. */
  start(id: string): AbortSignal {
    const controller = new AbortController()
    this.running.set(id, controller)
    this.repository.update(id, { status: 'running' })
    return controller.signal
  }

  progress(id: string, metadata: Record<string, unknown>): void {
    this.repository.mergeMetadata(id, metadata)
  }

  complete(id: string, metadata: Record<string, unknown> = {}): Job | undefined {
    return this.finish(id, 'completed', metadata, 'end_turn')
  }

  fail(id: string, errorMessage: string, metadata: Record<string, unknown> = {}): Job | undefined {
    return this.finish(id, 'failed', { ...metadata, error: errorMessage }, 'error')
  }

  /** Stops the job's work if it is running and marks it cancelled; a finished job is returned as is. */
  cancel(id: string): Job | undefined {
    const job = this.repository.get(id)
    if (!job || !this.isActive(job)) return job
    this.running.get(id)?.abort(new JobCancelledError(id))
    return this.finish(id, 'cancelled', {}, 'cancelled')
  }

  /** Resolves when the job's work has let go of it (after cancel), so its partial work can be removed. */
  isRunning(id: string): boolean {
    return this.running.has(id)
  }

  release(id: string): void {
    this.running.delete(id)
  }

  onFinished(listener: FinishedListener): () => void {
    this.finishedListeners.add(listener)
    return () => this.finishedListeners.delete(listener)
  }

  /** Aborts all running work, for shutdown. */
  abortAll(reason: Error): void {
    for (const controller of this.running.values()) controller.abort(reason)
  }

  private finish(
    id: string,
    status: 'completed' | 'failed' | 'cancelled',
    metadata: Record<string, unknown>,
    stopReason: string,
  ): Job | undefined {
    const current = this.repository.get(id)
    if (!current || !this.isActive(current)) return current
    this.repository.mergeMetadata(id, metadata)
    const job = this.repository.update(id, {
      status,
      completed_at: nowIso(),
      stop_reason: stopReason,
    })
    this.running.delete(id)
    if (job) for (const listener of this.finishedListeners) listener(job)
    return job
  }
}

export class JobCancelledError extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId} was cancelled`)
    this.name = 'JobCancelledError'
  }
}
