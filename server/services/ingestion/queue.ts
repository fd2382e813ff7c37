import type { Job } from '../../storage/jobs-repository.ts'
import {
  CANCELLED_MESSAGE,
  ingestFile,
  ShutdownError,
  type IngestionDeps,
  type IngestionTask,
} from './ingest-file.ts'

/**
 * Files waiting to be ingested, worked on `concurrency` at a time in the background. Requests only
 * enqueue; the work itself yields to the event loop as it goes, so it never holds a request up.
 */
export class IngestionQueue {
  private waiting: IngestionTask[] = []
  private readonly active = new Map<string, Promise<void>>()
  private readonly shutdown = new AbortController()
  private readonly idleWaiters = new Set<() => void>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly deps: IngestionDeps,
    private readonly concurrency: number,
  ) {
    // A job cancelled while it still waits never starts; its file says so at once.
    this.unsubscribe = deps.jobs.onFinished((job) => this.dropWaiting(job))
  }

  enqueue(task: IngestionTask): void {
    if (this.shutdown.signal.aborted) return
    this.waiting.push(task)
    // On the next turn, so the request that enqueued answers first.
    setImmediate(() => this.pump())
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.active.size && !this.waiting.length) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.add(resolve))
  }

  /** Stops taking work, interrupts what runs (left for the next start to resume) and waits for it. */
  async stop(): Promise<void> {
    this.unsubscribe()
    this.waiting = []
    this.shutdown.abort(new ShutdownError('The server is shutting down'))
    await Promise.allSettled(this.active.values())
  }

  private pump(): void {
    while (
      !this.shutdown.signal.aborted &&
      this.active.size < this.concurrency &&
      this.waiting.length
    ) {
      const task = this.waiting.shift() as IngestionTask
      const work = this.run(task)
        // ingestFile handles its own failures; this only catches one in that handling itself.
        .catch((error: unknown) => console.error('Ingestion of', task.fileId, 'broke:', error))
        .finally(() => {
          this.active.delete(task.jobId)
          this.pump()
          this.notifyIfIdle()
        })
      this.active.set(task.jobId, work)
    }
  }

  private async run(task: IngestionTask): Promise<void> {
    const signal = AbortSignal.any([this.deps.jobs.start(task.jobId), this.shutdown.signal])
    await ingestFile(this.deps, task, signal)
  }

  private notifyIfIdle(): void {
    if (this.active.size || this.waiting.length) return
    for (const resolve of this.idleWaiters) resolve()
    this.idleWaiters.clear()
  }

  private dropWaiting(job: Job): void {
    const index = this.waiting.findIndex((task) => task.jobId === job.id)
    if (index === -1) return
    const [task] = this.waiting.splice(index, 1)
    if (!task) return
    const file = this.deps.files.get(task.fileId)
    if (file && file.processing_status === 'pending') {
      this.deps.files.update(task.fileId, {
        processing_status: 'error',
        error_message: job.status === 'cancelled' ? CANCELLED_MESSAGE : 'Processing was stopped',
      })
    }
    this.notifyIfIdle()
  }
}
