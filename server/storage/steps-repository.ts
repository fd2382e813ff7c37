import type { Db } from './db.ts'
import { newId, nowIso } from './ids.ts'
import { paginate, type CursorParams } from './pagination.ts'
import type { StopReason } from './runs-repository.ts'
import type { SqlCondition } from './sql.ts'

export const STEP_STATUSES = ['pending', 'success', 'failed', 'cancelled'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]

/** Letta's Step: one call to the model, with the tokens the provider reported for it. */
export interface Step {
  id: string
  origin: null
  provider_id: null
  run_id: string | null
  agent_id: string | null
  provider_name: string | null
  provider_category: string | null
  /** Not one of Letta's fields: the protocol the provider speaks, for usage by provider. */
  provider_type: string | null
  model: string | null
  model_handle: string | null
  model_endpoint: string | null
  context_window_limit: number | null
  completion_tokens: number
  prompt_tokens: number
  total_tokens: number
  cached_input_tokens: number | null
  cache_write_tokens: number | null
  reasoning_tokens: number | null
  completion_tokens_details: { reasoning_tokens?: number } | null
  prompt_tokens_details: { cached_tokens?: number; cache_creation_tokens?: number } | null
  stop_reason: StopReason | null
  tags: string[]
  tid: null
  trace_id: null
  request_id: null
  messages: []
  feedback: null
  project_id: null
  error_type: string | null
  error_data: Record<string, unknown> | null
  status: StepStatus
  created_at: string
  completed_at: string | null
}

interface StepRow {
  seq: number
  id: string
  run_id: string | null
  agent_id: string | null
  model: string | null
  model_handle: string | null
  model_endpoint: string | null
  provider_name: string | null
  provider_type: string | null
  provider_category: string | null
  context_window_limit: number | null
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cached_tokens: number | null
  cache_write_tokens: number | null
  reasoning_tokens: number | null
  stop_reason: StopReason | null
  status: StepStatus
  error_type: string | null
  error_data: string | null
  created_at: string
  completed_at: string | null
}

export interface NewStep {
  run_id: string
  agent_id: string
  model: string
  model_handle: string | null
  model_endpoint: string | null
  provider_name: string
  provider_type: string
  provider_category: string
  context_window_limit: number
}

export interface StepUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  /** Only what the provider reported: undefined stays null. */
  cached_tokens?: number | undefined
  cache_write_tokens?: number | undefined
  reasoning_tokens?: number | undefined
}

export interface StepFilters {
  agentId?: string | undefined
  runId?: string | undefined
  model?: string | undefined
  /** ISO timestamps, inclusive. */
  startDate?: string | undefined
  endDate?: string | undefined
}

export interface RunUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cached_tokens: number | null
  cache_write_tokens: number | null
  reasoning_tokens: number | null
  step_count: number
}

function toStep(row: StepRow): Step {
  const promptDetails: Step['prompt_tokens_details'] = {}
  if (row.cached_tokens !== null) promptDetails.cached_tokens = row.cached_tokens
  if (row.cache_write_tokens !== null) promptDetails.cache_creation_tokens = row.cache_write_tokens
  return {
    id: row.id,
    origin: null,
    provider_id: null,
    run_id: row.run_id,
    agent_id: row.agent_id,
    provider_name: row.provider_name,
    provider_category: row.provider_category,
    provider_type: row.provider_type,
    model: row.model,
    model_handle: row.model_handle,
    model_endpoint: row.model_endpoint,
    context_window_limit: row.context_window_limit,
    completion_tokens: row.completion_tokens,
    prompt_tokens: row.prompt_tokens,
    total_tokens: row.total_tokens,
    cached_input_tokens: row.cached_tokens,
    cache_write_tokens: row.cache_write_tokens,
    reasoning_tokens: row.reasoning_tokens,
    completion_tokens_details:
      row.reasoning_tokens === null ? null : { reasoning_tokens: row.reasoning_tokens },
    prompt_tokens_details: Object.keys(promptDetails).length ? promptDetails : null,
    stop_reason: row.stop_reason,
    tags: [],
    tid: null,
    trace_id: null,
    request_id: null,
    messages: [],
    feedback: null,
    project_id: null,
    error_type: row.error_type,
    error_data:
      row.error_data === null ? null : (JSON.parse(row.error_data) as Record<string, unknown>),
    status: row.status,
    created_at: row.created_at,
    completed_at: row.completed_at,
  }
}

/** Steps: what usage is aggregated from, by day, model or agent. */
export class StepsRepository {
  constructor(private readonly db: Db) {}

  /** A step starts pending with zero tokens, before its model call. */
  insertPending(input: NewStep): Step {
    const id = newId('step')
    this.db
      .prepare(
        `INSERT INTO steps (id, run_id, agent_id, model, model_handle, model_endpoint, provider_name, provider_type,
           provider_category, context_window_limit, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(
        id,
        input.run_id,
        input.agent_id,
        input.model,
        input.model_handle,
        input.model_endpoint,
        input.provider_name,
        input.provider_type,
        input.provider_category,
        input.context_window_limit,
        nowIso(),
      )
    return this.get(id) as Step
  }

  recordSuccess(id: string, usage: StepUsage): void {
    this.db
      .prepare(
        `UPDATE steps SET status = 'success', prompt_tokens = ?, completion_tokens = ?, total_tokens = ?,
           cached_tokens = ?, cache_write_tokens = ?, reasoning_tokens = ?, completed_at = ? WHERE id = ?`,
      )
      .run(
        usage.prompt_tokens,
        usage.completion_tokens,
        usage.total_tokens,
        usage.cached_tokens ?? null,
        usage.cache_write_tokens ?? null,
        usage.reasoning_tokens ?? null,
        nowIso(),
        id,
      )
  }

  recordFailure(
    id: string,
    status: 'failed' | 'cancelled',
    stopReason: StopReason,
    errorType: string,
    errorData: Record<string, unknown>,
  ): void {
    this.db
      .prepare(
        'UPDATE steps SET status = ?, stop_reason = ?, error_type = ?, error_data = ?, completed_at = ? WHERE id = ?',
      )
      .run(status, stopReason, errorType, JSON.stringify(errorData), nowIso(), id)
  }

  setStopReason(id: string, stopReason: StopReason): void {
    this.db.prepare('UPDATE steps SET stop_reason = ? WHERE id = ?').run(stopReason, id)
  }

  get(id: string): Step | undefined {
    const row = this.db.prepare('SELECT * FROM steps WHERE id = ?').get(id) as StepRow | undefined
    return row && toStep(row)
  }

  list(filters: StepFilters, cursor: CursorParams, defaultLimit: number): Step[] {
    const where: SqlCondition[] = []
    if (filters.agentId) where.push({ sql: 'agent_id = ?', params: [filters.agentId] })
    if (filters.runId) where.push({ sql: 'run_id = ?', params: [filters.runId] })
    if (filters.model) {
      where.push({ sql: '(model = ? OR model_handle = ?)', params: [filters.model, filters.model] })
    }
    if (filters.startDate) where.push({ sql: 'created_at >= ?', params: [filters.startDate] })
    if (filters.endDate) where.push({ sql: 'created_at <= ?', params: [filters.endDate] })
    return paginate<StepRow>({
      db: this.db,
      table: 'steps',
      where,
      cursor,
      defaultLimit,
      defaultOrder: 'desc',
    }).map(toStep)
  }

  /** Sums over every step of the run, failed ones (with zero tokens) included, as Letta does. */
  usageForRun(runId: string): RunUsage {
    const row = this.db
      .prepare(
        `SELECT coalesce(sum(prompt_tokens), 0) AS prompt_tokens, coalesce(sum(completion_tokens), 0) AS completion_tokens,
           coalesce(sum(total_tokens), 0) AS total_tokens, sum(cached_tokens) AS cached_tokens,
           sum(cache_write_tokens) AS cache_write_tokens, sum(reasoning_tokens) AS reasoning_tokens,
           count(*) AS step_count
         FROM steps WHERE run_id = ?`,
      )
      .get(runId) as RunUsage
    return row
  }

  deleteByRun(runId: string): number {
    return this.db.prepare('DELETE FROM steps WHERE run_id = ?').run(runId).changes
  }

  /** Steps a crash left pending are marked failed, with their run. */
  failPendingOfRun(runId: string, message: string): void {
    this.db
      .prepare(
        `UPDATE steps SET status = 'failed', stop_reason = 'error', error_type = 'ServerRestart', error_data = ?, completed_at = ?
         WHERE run_id = ? AND status = 'pending'`,
      )
      .run(JSON.stringify({ message }), nowIso(), runId)
  }
}
