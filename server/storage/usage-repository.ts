import type { Db } from './db.ts'
import { inList } from './sql.ts'

export type UsageGroupColumn = 'model' | 'agent_id'

/** Token sums of a set of steps; cached and reasoning count 0 where the provider reported nothing. */
export interface TokenSums {
  prompt_tokens: number
  completion_tokens: number
  cached_tokens: number
  reasoning_tokens: number
  total_tokens: number
  steps: number
}

/**
 * How finely steps are summed before they are put in local buckets: whole UTC hours when every bucket
 * starts on one, else quarter hours (every real zone's offset is a multiple of 15 minutes).
 */
export type SlotSize = 'hour' | 'quarter'

/** Steps of one UTC slot and one group. */
export interface SlotUsage extends TokenSums {
  /** `YYYY-MM-DDTHH` or `YYYY-MM-DDTHH:MM`, UTC. */
  slot: string
  key: string | null
}

/** A run with steps inside the range: when, by which agent and model its first one there ran, and its tokens. */
export interface RunStart {
  run_id: string
  first_at: string
  agent_id: string | null
  model: string | null
  total_tokens: number
}

/** A run's steps inside the range, summed. */
export interface RunInRange extends TokenSums {
  run_id: string
  first_at: string
  agent_id: string | null
  model: string | null
}

const SUMS = `count(*) AS steps, coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
  coalesce(sum(completion_tokens), 0) AS completion_tokens, coalesce(sum(cached_tokens), 0) AS cached_tokens,
  coalesce(sum(reasoning_tokens), 0) AS reasoning_tokens, coalesce(sum(total_tokens), 0) AS total_tokens`

/** Usage sums over steps by time range; reads only the steps_usage_by_created index. */
export class UsageRepository {
  constructor(private readonly db: Db) {}

  /** Steps with created_at in [start, end) (ISO UTC), summed by slot and by the group column. */
  slots(start: string, end: string, groupBy: UsageGroupColumn, size: SlotSize): SlotUsage[] {
    const column = groupBy === 'model' ? 'model' : 'agent_id'
    const slot =
      size === 'hour'
        ? 'substr(created_at, 1, 13)'
        : "substr(created_at, 1, 14) || printf('%02d', (CAST(substr(created_at, 15, 2) AS INTEGER) / 15) * 15)"
    // Arrays, as for runStarts: quarter hours by agent can be tens of thousands of rows.
    const rows = this.db
      .prepare(
        `SELECT ${slot} AS slot, ${column} AS key, ${SUMS}
         FROM steps INDEXED BY steps_usage_by_created
         WHERE created_at >= ? AND created_at < ?
         GROUP BY slot, key`,
      )
      .raw()
      .all(start, end) as [string, string | null, number, number, number, number, number, number][]
    return rows.map(([slot, key, steps, prompt, completion, cached, reasoning, total]) => ({
      slot,
      key,
      steps,
      prompt_tokens: prompt,
      completion_tokens: completion,
      cached_tokens: cached,
      reasoning_tokens: reasoning,
      total_tokens: total,
    }))
  }

  /** Steps with created_at in [start, end), summed by model. */
  models(start: string, end: string): (TokenSums & { key: string | null })[] {
    return this.db
      .prepare(
        `SELECT model AS key, ${SUMS} FROM steps INDEXED BY steps_usage_by_created
         WHERE created_at >= ? AND created_at < ? GROUP BY model`,
      )
      .all(start, end) as (TokenSums & { key: string | null })[]
  }

  /**
   * Every run with a step in [start, end); SQLite takes a bare column from the row min() picks.
   * Rows come as arrays: tens of thousands of objects would cost more than the query.
   */
  runStarts(start: string, end: string): RunStart[] {
    const rows = this.db
      .prepare(
        `SELECT run_id, min(created_at), agent_id, model, coalesce(sum(total_tokens), 0)
         FROM steps INDEXED BY steps_usage_by_created
         WHERE created_at >= ? AND created_at < ? AND run_id IS NOT NULL
         GROUP BY run_id`,
      )
      .raw()
      .all(start, end) as [string, string, string | null, string | null, number][]
    return rows.map(([run_id, first_at, agent_id, model, total_tokens]) => ({
      run_id,
      first_at,
      agent_id,
      model,
      total_tokens,
    }))
  }

  /** The named runs' steps in [start, end), summed. */
  runSums(runIds: readonly string[], start: string, end: string): RunInRange[] {
    if (!runIds.length) return []
    const { sql, params } = inList('run_id', runIds)
    return this.db
      .prepare(
        `SELECT run_id, min(created_at) AS first_at, agent_id, model, ${SUMS}
         FROM steps INDEXED BY steps_by_run
         WHERE ${sql} AND created_at >= ? AND created_at < ?
         GROUP BY run_id`,
      )
      .all(...params, start, end) as RunInRange[]
  }

  /** Names of the agents that still exist, by id. */
  agentNames(ids: readonly string[]): Map<string, string> {
    if (!ids.length) return new Map()
    const { sql, params } = inList('id', ids)
    const rows = this.db.prepare(`SELECT id, name FROM agents WHERE ${sql}`).all(...params) as {
      id: string
      name: string
    }[]
    return new Map(rows.map((row) => [row.id, row.name]))
  }
}
