import { randomUUID } from 'node:crypto'

import { HttpError } from '../../http/errors.ts'
import {
  BatchesRepository,
  type BatchItem,
  type BatchMessage,
} from '../../storage/batches-repository.ts'
import type { Db } from '../../storage/db.ts'
import type { Job } from '../../storage/jobs-repository.ts'
import type { CursorParams } from '../../storage/pagination.ts'
import type { AgentLoop, InputMessage } from '../agents/agent-loop.ts'
import { RunCancelledError, statusFor } from '../agents/run-service.ts'
import { callbackUrlProblem } from '../callbacks.ts'
import { JobCancelledError, type JobService } from '../jobs.ts'

/** How many items of one batch run at once. */
export const BATCH_CONCURRENCY = 3

export interface BatchRequestInput {
  agent_id: string
  messages: InputMessage[]
  max_steps?: number | null | undefined
}

/** Message batches: a job of type batch whose items each run one request through the agent loop. */
export class BatchService {
  readonly repository: BatchesRepository
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    db: Db,
    private readonly jobs: JobService,
    private readonly loop: AgentLoop,
    private readonly concurrency = BATCH_CONCURRENCY,
  ) {
    this.repository = new BatchesRepository(db)
  }

  /** Stores the batch and its items, then runs them in the background. */
  create(requests: readonly BatchRequestInput[], callbackUrl: string | null | undefined): Job {
    if (!requests.length) throw new HttpError(400, 'A batch needs at least one request')
    const problem = callbackUrl ? callbackUrlProblem(callbackUrl) : undefined
    if (problem) throw new HttpError(400, problem)
    requests.forEach((request, index) => {
      if (!request.messages.length) {
        throw new HttpError(400, `Request ${index + 1} (agent ${request.agent_id}) has no messages`)
      }
    })
    const job = this.jobs.create({
      job_type: 'batch',
      metadata: { request_count: requests.length },
      callback_url: callbackUrl ?? undefined,
    })
    this.repository.insertItems(
      job.id,
      requests.map((request) => ({
        id: `batch_item-${randomUUID()}`,
        agent_id: request.agent_id,
        messages: request.messages,
        max_steps: request.max_steps ?? null,
      })),
    )
    const work = this.run(job.id)
    this.inFlight.add(work)
    void work.finally(() => this.inFlight.delete(work))
    return job
  }

  get(id: string): Job {
    const job = this.jobs.get(id)
    if (!job || job.job_type !== 'batch') throw new HttpError(404, `Batch ${id} not found`)
    return job
  }

  list(cursor: CursorParams): Job[] {
    return this.jobs.list({ job_type: 'batch' }, cursor)
  }

  /** Stops the items not yet run and the runs in progress; a finished batch is returned as is. */
  async cancel(id: string): Promise<Job> {
    this.get(id)
    const job = this.jobs.cancel(id) as Job
    this.repository.closeOpenItems(id, 'cancelled', null)
    await this.jobs.whenReleased(id, 15_000)
    return job
  }

  items(id: string): BatchItem[] {
    this.get(id)
    return this.repository.items(id)
  }

  messages(
    id: string,
    filters: { agentId?: string | undefined },
    cursor: CursorParams,
    defaultOrder: 'asc' | 'desc',
  ): BatchMessage[] {
    this.get(id)
    return this.repository.messages(id, filters, cursor, defaultOrder)
  }

  /** Batches a crash cut off: their open items failed, and so did the batch if nothing else ended it. */
  recover(): void {
    for (const batchId of this.repository.batchesWithOpenItems()) {
      const reason = 'The server stopped before this item ran to the end'
      this.repository.closeOpenItems(batchId, 'failed', reason)
      this.jobs.fail(batchId, 'The server stopped while the batch ran')
    }
  }

  /** Waits for the batches in progress (after the jobs were aborted), for shutdown. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight])
  }

  private async run(batchId: string): Promise<void> {
    // Let the request that created the batch answer first.
    await new Promise((resolve) => setImmediate(resolve))
    const signal = this.jobs.start(batchId)
    const queue = this.repository.items(batchId)
    let completed = 0
    let failed = 0
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (signal.aborted) break
        const outcome = await this.runItem(item, signal)
        if (outcome === 'completed') completed += 1
        else if (outcome === 'failed') failed += 1
      }
    }
    try {
      await Promise.all(
        Array.from({ length: Math.min(this.concurrency, queue.length) }, () => worker()),
      )
      const counts = { completed_count: completed, failed_count: failed }
      if (signal.aborted) {
        const cancelled = signal.reason instanceof JobCancelledError
        this.repository.closeOpenItems(
          batchId,
          cancelled ? 'cancelled' : 'failed',
          cancelled ? null : 'The server stopped before this item ran',
        )
        this.jobs.progress(batchId, counts)
        if (!cancelled) this.jobs.fail(batchId, 'The server stopped while the batch ran', counts)
      } else if (completed === 0 && failed > 0) {
        this.jobs.fail(batchId, `All ${failed} requests failed`, counts)
      } else {
        this.jobs.complete(batchId, counts)
      }
    } catch (error) {
      this.repository.closeOpenItems(batchId, 'failed', 'The batch stopped on an internal error')
      this.jobs.fail(batchId, error instanceof Error ? error.message : String(error))
    } finally {
      this.jobs.release(batchId)
    }
  }

  /** One request through the agent loop; its failure is recorded on the item, never thrown. */
  private async runItem(
    item: BatchItem,
    signal: AbortSignal,
  ): Promise<'completed' | 'failed' | 'cancelled'> {
    // The loop stops a run as cancelled (not failed) when its signal carries RunCancelledError.
    const runAbort = new AbortController()
    let runId = ''
    const onBatchAbort = () =>
      runAbort.abort(
        signal.reason instanceof JobCancelledError ? new RunCancelledError(runId) : signal.reason,
      )
    signal.addEventListener('abort', onBatchAbort, { once: true })
    try {
      return await this.runPrepared(item, runAbort.signal, (id) => (runId = id))
    } finally {
      signal.removeEventListener('abort', onBatchAbort)
    }
  }

  private async runPrepared(
    item: BatchItem,
    signal: AbortSignal,
    onRun: (runId: string) => void,
  ): Promise<'completed' | 'failed' | 'cancelled'> {
    let prepared
    try {
      prepared = this.loop.prepare({
        agentId: item.agent_id,
        messages: item.messages.map((message) => ({ ...message, batch_item_id: item.id })),
        maxSteps: item.max_steps ?? undefined,
        signal,
        runType: 'batch',
        background: true,
        metadata: { batch_id: item.batch_id, batch_item_id: item.id },
      })
    } catch (error) {
      const reason = error instanceof HttpError ? error.detail : String(error)
      this.repository.update(item.id, { status: 'failed', error: reason })
      return 'failed'
    }
    onRun(prepared.run.id)
    this.repository.update(item.id, { status: 'running', run_id: prepared.run.id })
    try {
      const result = await this.loop.execute(prepared)
      const status = statusFor(result.stopReason)
      this.repository.update(item.id, {
        status,
        stop_reason: result.stopReason,
        error: result.error,
      })
      return status
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const status = signal.aborted ? 'cancelled' : 'failed'
      this.repository.update(item.id, { status, error: reason })
      return status
    }
  }
}
