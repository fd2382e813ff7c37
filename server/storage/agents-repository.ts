import type { LlmConfig } from '../services/agents/llm-models.ts'
import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { paginate, type CursorParams } from './pagination.ts'
import type { StopReason } from './runs-repository.ts'
import type { EmbeddingConfig } from './sources-repository.ts'
import { inList, whereClause, type SqlCondition } from './sql.ts'

export const AGENT_TYPES = [
  'letta_v1_agent',
  'memgpt_agent',
  'memgpt_v2_agent',
  'react_agent',
  'workflow_agent',
  'split_thread_agent',
  'sleeptime_agent',
  'voice_convo_agent',
  'voice_sleeptime_agent',
] as const
export type AgentType = (typeof AGENT_TYPES)[number]

/** An agent's own row: everything but its blocks, tools and sources. */
export interface AgentRecord {
  id: string
  name: string
  system: string
  agent_type: AgentType
  description: string | null
  model: string | null
  llm_config: LlmConfig
  embedding: string | null
  embedding_config: EmbeddingConfig | null
  metadata: Record<string, unknown> | null
  tool_rules: unknown[] | null
  tags: string[]
  message_buffer_autoclear: boolean
  timezone: string | null
  project_id: string | null
  template_id: string | null
  base_template_id: string | null
  deployment_id: string | null
  entity_id: string | null
  last_run_completion: string | null
  last_run_duration_ms: number | null
  last_stop_reason: StopReason | null
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

/** The fields a client can set. */
export type AgentFields = Pick<
  AgentRecord,
  | 'name'
  | 'system'
  | 'agent_type'
  | 'description'
  | 'model'
  | 'llm_config'
  | 'embedding'
  | 'embedding_config'
  | 'metadata'
  | 'tool_rules'
  | 'tags'
  | 'message_buffer_autoclear'
  | 'timezone'
  | 'project_id'
  | 'template_id'
  | 'base_template_id'
  | 'deployment_id'
  | 'entity_id'
>

interface AgentRow {
  seq: number
  id: string
  name: string
  system: string
  agent_type: AgentType
  description: string | null
  model: string | null
  llm_config: string
  embedding: string | null
  embedding_config: string | null
  metadata: string | null
  tool_rules: string | null
  message_buffer_autoclear: number
  timezone: string | null
  project_id: string | null
  template_id: string | null
  base_template_id: string | null
  deployment_id: string | null
  entity_id: string | null
  last_run_completion: string | null
  last_run_duration_ms: number | null
  last_stop_reason: StopReason | null
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

export interface AgentFilters {
  name?: string | undefined
  tags?: readonly string[] | undefined
  matchAllTags?: boolean | undefined
  /** Case-insensitive substring of the name or description. */
  queryText?: string | undefined
  lastStopReason?: string | undefined
  projectId?: string | undefined
  templateId?: string | undefined
  baseTemplateId?: string | undefined
}

export interface LastRun {
  completedAt: string
  durationMs: number
  stopReason: StopReason | null
}

const parseJson = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T)

function columnsFor(fields: AgentFields): Record<string, unknown> {
  return {
    name: fields.name,
    search_text: [fields.name, fields.description ?? ''].join('\n').toLowerCase(),
    system: fields.system,
    agent_type: fields.agent_type,
    description: fields.description,
    model: fields.model,
    llm_config: JSON.stringify(fields.llm_config),
    embedding: fields.embedding,
    embedding_config: fields.embedding_config && JSON.stringify(fields.embedding_config),
    metadata: fields.metadata && JSON.stringify(fields.metadata),
    tool_rules: fields.tool_rules && JSON.stringify(fields.tool_rules),
    message_buffer_autoclear: fields.message_buffer_autoclear ? 1 : 0,
    timezone: fields.timezone,
    project_id: fields.project_id,
    template_id: fields.template_id,
    base_template_id: fields.base_template_id,
    deployment_id: fields.deployment_id,
    entity_id: fields.entity_id,
  }
}

function conditionsFor(filters: AgentFilters): SqlCondition[] {
  const where: SqlCondition[] = []
  if (filters.name !== undefined) where.push({ sql: 'name = ?', params: [filters.name] })
  if (filters.queryText) {
    where.push({
      sql: 'seq IN (SELECT seq FROM agents WHERE instr(search_text, ?) > 0)',
      params: [filters.queryText.toLowerCase()],
    })
  }
  if (filters.tags?.length) {
    const tags = [...new Set(filters.tags)]
    const { sql, params } = inList('tag', tags)
    where.push(
      filters.matchAllTags
        ? {
            sql: `seq IN (SELECT agent_seq FROM agent_tags WHERE ${sql} GROUP BY agent_seq HAVING count(*) = ?)`,
            params: [...params, tags.length],
          }
        : { sql: `seq IN (SELECT agent_seq FROM agent_tags WHERE ${sql})`, params },
    )
  }
  if (filters.lastStopReason) {
    where.push({ sql: 'last_stop_reason = ?', params: [filters.lastStopReason] })
  }
  if (filters.projectId) where.push({ sql: 'project_id = ?', params: [filters.projectId] })
  if (filters.templateId) where.push({ sql: 'template_id = ?', params: [filters.templateId] })
  if (filters.baseTemplateId) {
    where.push({ sql: 'base_template_id = ?', params: [filters.baseTemplateId] })
  }
  return where
}

/** Agents, their tags, and which tools and sources each has attached (in attach order). */
export class AgentsRepository {
  constructor(private readonly db: Db) {}

  insert(fields: AgentFields): AgentRecord {
    const id = newId('agent')
    const now = nowIso()
    const columns = {
      ...columnsFor(fields),
      id,
      created_at: now,
      updated_at: now,
      created_by_id: DEFAULT_USER_ID,
      last_updated_by_id: DEFAULT_USER_ID,
    }
    const names = Object.keys(columns)
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO agents (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      )
      .run(...Object.values(columns))
    this.writeTags(Number(lastInsertRowid), fields.tags)
    return this.get(id) as AgentRecord
  }

  update(id: string, fields: AgentFields): AgentRecord | undefined {
    const columns = {
      ...columnsFor(fields),
      updated_at: nowIso(),
      last_updated_by_id: DEFAULT_USER_ID,
    }
    const names = Object.keys(columns)
    const row = this.db.prepare('SELECT seq FROM agents WHERE id = ?').get(id) as
      { seq: number } | undefined
    if (!row) return undefined
    this.db
      .prepare(`UPDATE agents SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE seq = ?`)
      .run(...Object.values(columns), row.seq)
    this.db.prepare('DELETE FROM agent_tags WHERE agent_seq = ?').run(row.seq)
    this.writeTags(row.seq, fields.tags)
    return this.get(id)
  }

  /** Records how the agent's latest run ended, for AgentState's last-run fields. */
  recordLastRun(id: string, lastRun: LastRun): void {
    this.db
      .prepare(
        'UPDATE agents SET last_run_completion = ?, last_run_duration_ms = ?, last_stop_reason = ? WHERE id = ?',
      )
      .run(lastRun.completedAt, lastRun.durationMs, lastRun.stopReason, id)
  }

  get(id: string): AgentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as AgentRow | undefined
    return row && this.toRecord(row)
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM agents WHERE id = ?').get(id) !== undefined
  }

  list(filters: AgentFilters, cursor: CursorParams): AgentRecord[] {
    return paginate<AgentRow>({
      db: this.db,
      table: 'agents',
      where: conditionsFor(filters),
      cursor,
      defaultLimit: 50,
      defaultOrder: 'desc',
    }).map((row) => this.toRecord(row))
  }

  count(filters: AgentFilters): number {
    const where = whereClause(conditionsFor(filters))
    return (
      this.db.prepare(`SELECT count(*) AS total FROM agents ${where.sql}`).get(...where.params) as {
        total: number
      }
    ).total
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM agents WHERE id = ?').run(id).changes > 0
  }

  toolIds(agentId: string): string[] {
    return (
      this.db
        .prepare('SELECT tool_id FROM agent_tools WHERE agent_id = ? ORDER BY position')
        .all(agentId) as { tool_id: string }[]
    ).map((row) => row.tool_id)
  }

  sourceIds(agentId: string): string[] {
    return (
      this.db
        .prepare('SELECT source_id FROM agent_sources WHERE agent_id = ? ORDER BY position')
        .all(agentId) as { source_id: string }[]
    ).map((row) => row.source_id)
  }

  /** Attaches a tool; attaching one already attached changes nothing. */
  attachTool(agentId: string, toolId: string): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO agent_tools (agent_id, tool_id, position)
         VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM agent_tools WHERE agent_id = ?))`,
      )
      .run(agentId, toolId, agentId)
  }

  detachTool(agentId: string, toolId: string): void {
    this.db
      .prepare('DELETE FROM agent_tools WHERE agent_id = ? AND tool_id = ?')
      .run(agentId, toolId)
  }

  attachSource(agentId: string, sourceId: string): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO agent_sources (agent_id, source_id, position)
         VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM agent_sources WHERE agent_id = ?))`,
      )
      .run(agentId, sourceId, agentId)
  }

  detachSource(agentId: string, sourceId: string): void {
    this.db
      .prepare('DELETE FROM agent_sources WHERE agent_id = ? AND source_id = ?')
      .run(agentId, sourceId)
  }

  private toRecord(row: AgentRow): AgentRecord {
    const tags = (
      this.db
        .prepare('SELECT tag FROM agent_tags WHERE agent_seq = ? ORDER BY tag')
        .all(row.seq) as {
        tag: string
      }[]
    ).map((tagRow) => tagRow.tag)
    return {
      id: row.id,
      name: row.name,
      system: row.system,
      agent_type: row.agent_type,
      description: row.description,
      model: row.model,
      llm_config: JSON.parse(row.llm_config) as LlmConfig,
      embedding: row.embedding,
      embedding_config: parseJson<EmbeddingConfig>(row.embedding_config),
      metadata: parseJson<Record<string, unknown>>(row.metadata),
      tool_rules: parseJson<unknown[]>(row.tool_rules),
      tags,
      message_buffer_autoclear: row.message_buffer_autoclear === 1,
      timezone: row.timezone,
      project_id: row.project_id,
      template_id: row.template_id,
      base_template_id: row.base_template_id,
      deployment_id: row.deployment_id,
      entity_id: row.entity_id,
      last_run_completion: row.last_run_completion,
      last_run_duration_ms: row.last_run_duration_ms,
      last_stop_reason: row.last_stop_reason,
      created_at: row.created_at,
      updated_at: row.updated_at,
      created_by_id: row.created_by_id,
      last_updated_by_id: row.last_updated_by_id,
    }
  }

  private writeTags(seq: number, tags: readonly string[]): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO agent_tags (tag, agent_seq) VALUES (?, ?)',
    )
    for (const tag of tags) insert.run(tag, seq)
  }
}
