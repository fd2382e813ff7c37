import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { paginate, type CursorParams } from './pagination.ts'
import { inList, type SqlCondition } from './sql.ts'

export const RUN_STATUSES = ['created', 'running', 'completed', 'failed', 'cancelled'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['created', 'running']

export const STOP_REASONS = [
  'end_turn',
  'error',
  'llm_api_error',
  'invalid_llm_response',
  'invalid_tool_call',
  'max_steps',
  'max_tokens_exceeded',
  'no_tool_call',
  'tool_rule',
  'cancelled',
  'insufficient_credits',
  'requires_approval',
  'context_window_overflow_in_system_prompt',
] as const
export type StopReason = (typeof STOP_REASONS)[number]

/** Letta's Run: one request to an agent, from its messages to its stop reason. */
export interface Run {
  id: string
  status: RunStatus
  created_at: string
  completed_at: string | null
  agent_id: string
  conversation_id: null
  base_template_id: string | null
  background: boolean | null
  metadata: Record<string, unknown>
  request_config: Record<string, unknown> | null
  stop_reason: StopReason | null
  callback_url: string | null
  callback_sent_at: string | null
  callback_status_code: number | null
  callback_error: string | null
  ttft_ns: number | null
  total_duration_ns: number | null
}

interface RunRow {
  seq: number
  id: string
  agent_id: string
  status: RunStatus
  stop_reason: StopReason | null
  background: number | null
  metadata: string
  request_config: string | null
  callback_url: string | null
  callback_sent_at: string | null
  callback_status_code: number | null
  callback_error: string | null
  ttft_ns: number | null
  total_duration_ns: number | null
  created_at: string
  updated_at: string
  completed_at: string | null
}

export interface NewRun {
  agent_id: string
  background: boolean
  metadata: Record<string, unknown>
  request_config: Record<string, unknown>
  callback_url?: string | null | undefined
  base_template_id?: string | null | undefined
}

export type RunPatch = Partial<
  Pick<
    Run,
    | 'status'
    | 'stop_reason'
    | 'completed_at'
    | 'callback_sent_at'
    | 'callback_status_code'
    | 'callback_error'
    | 'ttft_ns'
    | 'total_duration_ns'
  >
>

export interface RunFilters {
  agentIds?: readonly string[] | undefined
  statuses?: readonly string[] | undefined
  active?: boolean | undefined
  stopReason?: string | undefined
  background?: boolean | undefined
}

function toRun(row: RunRow): Run {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>
  return {
    id: row.id,
    status: row.status,
    created_at: row.created_at,
    completed_at: row.completed_at,
    agent_id: row.agent_id,
    conversation_id: null,
    base_template_id:
      typeof metadata.base_template_id === 'string' ? metadata.base_template_id : null,
    background: row.background === null ? null : row.background === 1,
    metadata,
    request_config:
      row.request_config === null
        ? null
        : (JSON.parse(row.request_config) as Record<string, unknown>),
    stop_reason: row.stop_reason,
    callback_url: row.callback_url,
    callback_sent_at: row.callback_sent_at,
    callback_status_code: row.callback_status_code,
    callback_error: row.callback_error,
    ttft_ns: row.ttft_ns,
    total_duration_ns: row.total_duration_ns,
  }
}

export class RunsRepository {
  constructor(private readonly db: Db) {}

  create(input: NewRun): Run {
    const id = newId('run')
    const now = nowIso()
    const metadata = input.base_template_id
      ? { ...input.metadata, base_template_id: input.base_template_id }
      : input.metadata
    this.db
      .prepare(
        `INSERT INTO runs (id, agent_id, status, background, metadata, request_config, callback_url, created_at, updated_at, created_by_id, last_updated_by_id)
         VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.agent_id,
        input.background ? 1 : 0,
        JSON.stringify(metadata),
        JSON.stringify(input.request_config),
        input.callback_url ?? null,
        now,
        now,
        DEFAULT_USER_ID,
        DEFAULT_USER_ID,
      )
    return this.get(id) as Run
  }

  get(id: string): Run | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined
    return row && toRun(row)
  }

  update(id: string, patch: RunPatch): Run | undefined {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined)
    const sets = [...entries.map(([name]) => `${name} = ?`), 'updated_at = ?']
    this.db
      .prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?`)
      .run(...entries.map(([, value]) => value), nowIso(), id)
    return this.get(id)
  }

  mergeMetadata(id: string, metadata: Record<string, unknown>): void {
    const run = this.get(id)
    if (!run) return
    this.db
      .prepare('UPDATE runs SET metadata = ? WHERE id = ?')
      .run(JSON.stringify({ ...run.metadata, ...metadata }), id)
  }

  list(filters: RunFilters, cursor: CursorParams): Run[] {
    const where: SqlCondition[] = []
    if (filters.agentIds?.length) where.push(inList('agent_id', filters.agentIds))
    if (filters.statuses?.length) where.push(inList('status', filters.statuses))
    if (filters.active) where.push(inList('status', ACTIVE_RUN_STATUSES))
    if (filters.stopReason) where.push({ sql: 'stop_reason = ?', params: [filters.stopReason] })
    if (filters.background !== undefined) {
      where.push({ sql: 'background = ?', params: [filters.background ? 1 : 0] })
    }
    return paginate<RunRow>({
      db: this.db,
      table: 'runs',
      where,
      cursor,
      defaultLimit: 100,
      defaultOrder: 'desc',
    }).map(toRun)
  }

  /** Runs still marked created or running: after a restart, ones that were cut off. */
  listActive(): Run[] {
    const { sql, params } = inList('status', ACTIVE_RUN_STATUSES)
    return (
      this.db.prepare(`SELECT * FROM runs WHERE ${sql} ORDER BY seq`).all(...params) as RunRow[]
    ).map(toRun)
  }

  /** Finished runs with a callback_url whose outcome was never recorded. */
  listUndeliveredCallbacks(): Run[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM runs WHERE callback_url IS NOT NULL AND callback_sent_at IS NULL
             AND status IN ('completed', 'failed', 'cancelled') ORDER BY seq`,
        )
        .all() as RunRow[]
    ).map(toRun)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0
  }
}
