import { notFound } from '../../http/errors.ts'
import type { AgentsRepository } from '../../storage/agents-repository.ts'
import type { Db } from '../../storage/db.ts'
import type { CursorParams } from '../../storage/pagination.ts'
import {
  ACTIVE_RUN_STATUSES,
  RunsRepository,
  type NewRun,
  type Run,
  type RunFilters,
  type StopReason,
} from '../../storage/runs-repository.ts'
import { StepsRepository } from '../../storage/steps-repository.ts'
import type { CallbackOutcome, CallbackSource } from '../callbacks.ts'

/** The run status each stop reason ends with (Letta's StopReasonType.run_status). */
export function statusFor(stopReason: StopReason): 'completed' | 'failed' | 'cancelled' {
  switch (stopReason) {
    case 'end_turn':
    case 'max_steps':
    case 'tool_rule':
    case 'requires_approval':
      return 'completed'
    case 'cancelled':
      return 'cancelled'
    default:
      return 'failed'
  }
}

export class RunCancelledError extends Error {
  constructor(readonly runId: string) {
    super(`Run ${runId} was cancelled`)
    this.name = 'RunCancelledError'
  }
}

export class ServerStoppingError extends Error {
  constructor() {
    super('The server shut down while this run was in progress')
    this.name = 'ServerStoppingError'
  }
}

const RESTART_ERROR = 'The server stopped while this run was in progress'

/**
 * Runs: created, running, then finished with a stop reason. A running run holds an AbortController,
 * so a cancel stops its model call or tool at once; finished runs notify listeners (callbacks).
 */
export class RunService implements CallbackSource<Run> {
  readonly runs: RunsRepository
  readonly steps: StepsRepository
  private readonly controllers = new Map<string, AbortController>()
  private readonly listeners = new Set<(run: Run) => void>()
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(
    db: Db,
    private readonly agents: AgentsRepository,
  ) {
    this.runs = new RunsRepository(db)
    this.steps = new StepsRepository(db)
  }

  create(input: NewRun): Run {
    return this.runs.create(input)
  }

  get(id: string): Run | undefined {
    return this.runs.get(id)
  }

  require(id: string): Run {
    const run = this.runs.get(id)
    if (!run) throw notFound('Run', id)
    return run
  }

  list(filters: RunFilters, cursor: CursorParams): Run[] {
    return this.runs.list(filters, cursor)
  }

  isActive(run: Run): boolean {
    return ACTIVE_RUN_STATUSES.includes(run.status)
  }

  /** Marks the run running; the signal fires when it is cancelled or the server stops. */
  start(id: string, outer?: AbortSignal): AbortSignal {
    const controller = new AbortController()
    this.controllers.set(id, controller)
    this.runs.update(id, { status: 'running' })
    return outer ? AbortSignal.any([controller.signal, outer]) : controller.signal
  }

  /** Ends the run with its stop reason, unless it already ended (a cancel wins over what follows). */
  finish(id: string, stopReason: StopReason, error?: string): Run | undefined {
    this.controllers.delete(id)
    const current = this.runs.get(id)
    if (!current || !this.isActive(current)) return current
    if (error) this.runs.mergeMetadata(id, { error })
    const completedAt = new Date()
    const durationMs = Math.max(0, completedAt.getTime() - Date.parse(current.created_at))
    const run = this.runs.update(id, {
      status: statusFor(stopReason),
      stop_reason: stopReason,
      completed_at: completedAt.toISOString(),
      total_duration_ns: durationMs * 1_000_000,
    })
    if (this.agents.exists(current.agent_id)) {
      this.agents.recordLastRun(current.agent_id, {
        completedAt: completedAt.toISOString(),
        durationMs,
        stopReason,
      })
    }
    if (run) for (const listener of this.listeners) listener(run)
    return run
  }

  /** Cancels an active run and stops its work; a finished run is returned as it is. */
  cancel(id: string): Run {
    const run = this.require(id)
    if (!this.isActive(run)) return run
    this.controllers.get(id)?.abort(new RunCancelledError(id))
    return this.finish(id, 'cancelled') ?? run
  }

  /** Cancels the run if it is active, then deletes it with its steps. */
  delete(id: string): void {
    this.cancel(id)
    this.steps.deleteByRun(id)
    this.runs.delete(id)
  }

  activeForAgent(agentId: string): Run[] {
    return this.runs.list({ agentIds: [agentId], active: true }, { limit: 1000 })
  }

  /** Keeps background work known, so close() can wait for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work)
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined)
    return work
  }

  /** Runs a restart found still active were cut off: they are failed, with their pending steps. */
  recover(): number {
    const cutOff = this.runs.listActive()
    for (const run of cutOff) {
      this.steps.failPendingOfRun(run.id, RESTART_ERROR)
      this.finish(run.id, 'error', RESTART_ERROR)
    }
    return cutOff.length
  }

  /** Stops running work (each run ends failed) and waits for it to wind down. */
  async close(): Promise<void> {
    for (const controller of this.controllers.values()) controller.abort(new ServerStoppingError())
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight])
  }

  // CallbackSource

  onFinished(listener: (run: Run) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  listUndeliveredCallbacks(): Run[] {
    return this.runs.listUndeliveredCallbacks()
  }

  recordCallback(id: string, outcome: CallbackOutcome): Run | undefined {
    return this.runs.update(id, outcome)
  }

  /** Marks a run failed with a readable error, for work that failed outside the loop. */
  fail(id: string, error: string): Run | undefined {
    return this.finish(id, 'error', error)
  }
}
