import { nowIso } from '../storage/ids.ts'
import {
  ACTIVE_JOB_STATUSES,
  type Job,
  type JobFilters,
  type JobPatch,
  type JobsRepository,
  type NewJob,
} from '../storage/jobs-repository.ts'
import type { JsonBytes } from '../storage/list-json-cache.ts'
import type { CursorParams } from '../storage/pagination.ts'

type FinishedListener = (job: Job) => void

/**
 * The life of a background job: created, running with progress in its metadata, then completed,
 * failed or cancelled. Work in progress registers an AbortController so cancel really stops it.
 */
export class JobService {
  private readonly running = new Map<string, AbortController>()
  private readonly finishedListeners = new Set<FinishedListener>()
  /** Jobs cancelled while their work ran, until that work calls release(). */
  private readonly awaitingRelease = new Set<string>()
  private readonly releaseWaiters = new Map<string, Set<() => void>>()

  constructor(readonly repository: JobsRepository) {}

  create(input: NewJob): Job {
    return this.repository.create(input)
  }

  get(id: string): Job | undefined {
    return this.repository.get(id)
  }

  listUndeliveredCallbacks(): Job[] {
    return this.repository.listUndeliveredCallbacks()
  }

  list(filters: JobFilters, cursor: CursorParams): Job[] {
    return this.repository.list(filters, cursor)
  }

  /** list() as the JSON sent to clients. */
  listJson(filters: JobFilters, cursor: CursorParams): JsonBytes<Job[]> {
    return this.repository.listJson(filters, cursor)
  }

  delete(id: string): boolean {
    return this.repository.delete(id)
  }

  /** Stores the outcome of POSTing a finished job to its callback_url. */
  recordCallback(
    id: string,
    outcome: Required<
      Pick<JobPatch, 'callback_sent_at' | 'callback_status_code' | 'callback_error'>
    >,
  ): Job | undefined {
    return this.repository.update(id, outcome)
  }

  isActive(job: Job): boolean {
    return ACTIVE_JOB_STATUSES.includes(job.status)
  }

  /** Marks the job running and returns the signal its work must watch. */
  start(id: string): AbortSignal {
    const current = this.repository.get(id)
    // A job cancelled or deleted while it waited in a queue must not come back to life.
    if (!current || !this.isActive(current)) return AbortSignal.abort(new JobCancelledError(id))
    const controller = new AbortController()
    this.running.set(id, controller)
    // Letta's Job has no start time; the metadata carries it so a timeline can show the wait.
    this.repository.mergeMetadata(id, { started_at: nowIso() })
    this.repository.update(id, { status: 'running' })
    return controller.signal
  }

  progress(id: string, metadata: Record<string, unknown>): void {
    this.repository.mergeMetadata(id, metadata)
  }

  /** Puts an unfinished job back to waiting (pending), for work stopped by a shutdown and resumed later. */
  requeue(id: string, metadata: Record<string, unknown> = {}): Job | undefined {
    const current = this.repository.get(id)
    if (!current || !this.isActive(current)) return current
    this.repository.mergeMetadata(id, metadata)
    return this.repository.update(id, { status: 'pending' })
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
    const controller = this.running.get(id)
    if (controller) this.awaitingRelease.add(id)
    controller?.abort(new JobCancelledError(id))
    return this.finish(id, 'cancelled', {}, 'cancelled')
  }

  isRunning(id: string): boolean {
    return this.running.has(id)
  }

  /** Called by a job's work when it has stopped and cleaned up after itself. */
  release(id: string): void {
    this.running.delete(id)
    this.awaitingRelease.delete(id)
    const waiters = this.releaseWaiters.get(id)
    this.releaseWaiters.delete(id)
    for (const resolve of waiters ?? []) resolve()
  }

  /**
   * Resolves true once the job's work has let go of it (after cancel, once its partial work is
   * removed), or false when timeoutMs passes first. Work that never started resolves at once.
   */
  whenReleased(id: string, timeoutMs = Infinity): Promise<boolean> {
    if (!this.running.has(id) && !this.awaitingRelease.has(id)) return Promise.resolve(true)
    return new Promise((resolve) => {
      const waiters = this.releaseWaiters.get(id) ?? new Set<() => void>()
      this.releaseWaiters.set(id, waiters)
      let timer: NodeJS.Timeout | undefined
      const done = () => {
        clearTimeout(timer)
        resolve(true)
      }
      waiters.add(done)
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          waiters.delete(done)
          if (!waiters.size) this.releaseWaiters.delete(id)
          resolve(false)
        }, timeoutMs)
      }
    })
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
      // "end_turn" is how an agent run ends; a finished upload has no turn to end.
      stop_reason: stopReason === 'end_turn' && current.job_type !== 'run' ? null : stopReason,
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
