import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { listJsonCache, type JsonBytes } from './list-json-cache.ts'
import { paginate, paginateJson, type CursorParams } from './pagination.ts'
import { inList, whereClause, type SqlCondition } from './sql.ts'

export const TOOL_TYPES = [
  'custom',
  'letta_core',
  'letta_memory_core',
  'letta_multi_agent_core',
  'letta_sleeptime_core',
  'letta_voice_sleeptime_core',
  'letta_builtin',
  'letta_files_core',
  'external_langchain',
  'external_composio',
  'external_mcp',
] as const
export type ToolType = (typeof TOOL_TYPES)[number]

export type JsonObject = Record<string, unknown>

export interface PackageRequirement {
  name: string
  version?: string | null | undefined
}

export interface Tool {
  id: string
  tool_type: ToolType
  description: string | null
  source_type: string | null
  name: string
  tags: string[]
  source_code: string | null
  json_schema: JsonObject | null
  args_json_schema: JsonObject | null
  return_char_limit: number
  pip_requirements: PackageRequirement[] | null
  npm_requirements: PackageRequirement[] | null
  default_requires_approval: boolean | null
  enable_parallel_execution: boolean | null
  created_by_id: string | null
  last_updated_by_id: string | null
  metadata_: JsonObject | null
  project_id: string | null
}

/** Everything a tool stores but its id and authorship. */
export type ToolFields = Omit<Tool, 'id' | 'created_by_id' | 'last_updated_by_id'>

interface ToolRow {
  seq: number
  row_version: number
  id: string
  name: string
  tool_type: ToolType
  is_builtin: number
  description: string | null
  source_type: string | null
  tags: string
  source_code: string | null
  json_schema: string | null
  args_json_schema: string | null
  return_char_limit: number
  pip_requirements: string | null
  npm_requirements: string | null
  default_requires_approval: number | null
  enable_parallel_execution: number | null
  project_id: string | null
  metadata: string | null
  created_by_id: string | null
  last_updated_by_id: string | null
}

export interface ToolFilters {
  name?: string | undefined
  names?: readonly string[] | undefined
  ids?: readonly string[] | undefined
  /** Case-insensitive substring of the name, description or any tag. */
  search?: string | undefined
  toolTypes?: readonly string[] | undefined
  excludeToolTypes?: readonly string[] | undefined
  /** Tools carrying any of these tags. */
  tags?: readonly string[] | undefined
  onlyLettaTools?: boolean | undefined
  excludeLettaTools?: boolean | undefined
  excludeBuiltin?: boolean | undefined
}

const parseJson = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T)
const toFlag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0)
const fromFlag = (value: number | null): boolean | null => (value === null ? null : value === 1)

function toTool(row: ToolRow): Tool {
  return {
    id: row.id,
    tool_type: row.tool_type,
    description: row.description,
    source_type: row.source_type,
    name: row.name,
    tags: JSON.parse(row.tags) as string[],
    source_code: row.source_code,
    json_schema: parseJson<JsonObject>(row.json_schema),
    args_json_schema: parseJson<JsonObject>(row.args_json_schema),
    return_char_limit: row.return_char_limit,
    pip_requirements: parseJson<PackageRequirement[]>(row.pip_requirements),
    npm_requirements: parseJson<PackageRequirement[]>(row.npm_requirements),
    default_requires_approval: fromFlag(row.default_requires_approval),
    enable_parallel_execution: fromFlag(row.enable_parallel_execution),
    created_by_id: row.created_by_id,
    last_updated_by_id: row.last_updated_by_id,
    metadata_: parseJson<JsonObject>(row.metadata),
    project_id: row.project_id,
  }
}

/** The stored columns for a tool's fields, in one place for insert and update. */
function toColumns(fields: ToolFields): Record<string, unknown> {
  return {
    name: fields.name,
    tool_type: fields.tool_type,
    description: fields.description,
    source_type: fields.source_type,
    tags: JSON.stringify(fields.tags),
    source_code: fields.source_code,
    json_schema: fields.json_schema && JSON.stringify(fields.json_schema),
    args_json_schema: fields.args_json_schema && JSON.stringify(fields.args_json_schema),
    return_char_limit: fields.return_char_limit,
    pip_requirements: fields.pip_requirements && JSON.stringify(fields.pip_requirements),
    npm_requirements: fields.npm_requirements && JSON.stringify(fields.npm_requirements),
    default_requires_approval: toFlag(fields.default_requires_approval),
    enable_parallel_execution: toFlag(fields.enable_parallel_execution),
    project_id: fields.project_id,
    metadata: fields.metadata_ && JSON.stringify(fields.metadata_),
    search_text: [fields.name, fields.description ?? '', ...fields.tags].join('\n').toLowerCase(),
  }
}

function conditionsFor(filters: ToolFilters): SqlCondition[] {
  const where: SqlCondition[] = []
  if (filters.name !== undefined) where.push({ sql: 'name = ?', params: [filters.name] })
  if (filters.names) where.push(inList('name', filters.names))
  if (filters.ids) where.push(inList('id', filters.ids))
  if (filters.search) {
    // As a subquery, the scan reads the covering index tools_by_search_text, not the wide rows.
    where.push({
      sql: 'seq IN (SELECT seq FROM tools WHERE instr(search_text, ?) > 0)',
      params: [filters.search.toLowerCase()],
    })
  }
  if (filters.toolTypes) where.push(inList('tool_type', filters.toolTypes))
  if (filters.excludeToolTypes?.length) {
    const { sql, params } = inList('tool_type', filters.excludeToolTypes)
    where.push({ sql: `NOT (${sql})`, params })
  }
  if (filters.tags) {
    const { sql, params } = inList('tag', filters.tags)
    where.push({ sql: `seq IN (SELECT tool_seq FROM tool_tags WHERE ${sql})`, params })
  }
  if (filters.onlyLettaTools)
    where.push({ sql: "tool_type LIKE 'letta\\_%' ESCAPE '\\'", params: [] })
  if (filters.excludeLettaTools) {
    where.push({ sql: "tool_type NOT LIKE 'letta\\_%' ESCAPE '\\'", params: [] })
  }
  if (filters.excludeBuiltin) where.push({ sql: 'is_builtin = 0', params: [] })
  return where
}

export class ToolsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a tool; a duplicate name throws better-sqlite3's SQLITE_CONSTRAINT_UNIQUE error. */
  insert(fields: ToolFields, options: { builtin?: boolean } = {}): Tool {
    const id = newId('tool')
    const columns = {
      ...toColumns(fields),
      id,
      is_builtin: options.builtin ? 1 : 0,
      created_by_id: DEFAULT_USER_ID,
      last_updated_by_id: DEFAULT_USER_ID,
      updated_at: nowIso(),
    }
    const names = Object.keys(columns)
    this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO tools (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )
        .run(...Object.values(columns))
      this.writeTags(Number(lastInsertRowid), fields.tags)
    })()
    return this.get(id) as Tool
  }

  /** Replaces every field of the tool with `fields`; undefined when no such tool. */
  update(id: string, fields: ToolFields): Tool | undefined {
    const columns = {
      ...toColumns(fields),
      last_updated_by_id: DEFAULT_USER_ID,
      updated_at: nowIso(),
    }
    const names = Object.keys(columns)
    const changed = this.db.transaction(() => {
      const row = this.db.prepare('SELECT seq FROM tools WHERE id = ?').get(id) as
        { seq: number } | undefined
      if (!row) return false
      this.db
        .prepare(`UPDATE tools SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE seq = ?`)
        .run(...Object.values(columns), row.seq)
      this.db.prepare('DELETE FROM tool_tags WHERE tool_seq = ?').run(row.seq)
      this.writeTags(row.seq, fields.tags)
      return true
    })()
    return changed ? this.get(id) : undefined
  }

  get(id: string): Tool | undefined {
    const row = this.db.prepare('SELECT * FROM tools WHERE id = ?').get(id) as ToolRow | undefined
    return row && toTool(row)
  }

  getByName(name: string): Tool | undefined {
    const row = this.db.prepare('SELECT * FROM tools WHERE name = ?').get(name) as
      ToolRow | undefined
    return row && toTool(row)
  }

  isBuiltin(id: string): boolean {
    const row = this.db.prepare('SELECT is_builtin FROM tools WHERE id = ?').get(id) as
      { is_builtin: number } | undefined
    return row?.is_builtin === 1
  }

  list(filters: ToolFilters, cursor: CursorParams): Tool[] {
    return paginate<ToolRow>(this.pageQuery(filters, cursor)).map(toTool)
  }

  /** list() as the JSON a client receives, from the kept page or each row's kept serialisation. */
  listJson(filters: ToolFilters, cursor: CursorParams): JsonBytes<Tool[]> {
    return paginateJson(this.pageQuery(filters, cursor), {
      cache: listJsonCache(this.db, 'tools'),
      present: toTool,
    })
  }

  private pageQuery(filters: ToolFilters, cursor: CursorParams) {
    return {
      db: this.db,
      table: 'tools',
      where: conditionsFor(filters),
      cursor,
      defaultLimit: 50,
      defaultOrder: 'asc' as const,
    }
  }

  count(filters: ToolFilters): number {
    const where = whereClause(conditionsFor(filters))
    const row = this.db
      .prepare(`SELECT count(*) AS total FROM tools ${where.sql}`)
      .get(...where.params) as { total: number }
    return row.total
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM tools WHERE id = ?').run(id).changes > 0
  }

  private writeTags(seq: number, tags: readonly string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO tool_tags (tag, tool_seq) VALUES (?, ?)')
    for (const tag of tags) insert.run(tag, seq)
  }
}
