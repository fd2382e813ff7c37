import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { paginate, type CursorParams } from './pagination.ts'
import { inList } from './sql.ts'

/** How a source's passages are embedded: Letta's EmbeddingConfig. */
export interface EmbeddingConfig {
  embedding_endpoint_type: string
  embedding_endpoint: string | null
  embedding_model: string
  embedding_dim: number
  embedding_chunk_size: number | null
  batch_size: number
  handle: string | null
}

export interface Source {
  id: string
  name: string
  description: string | null
  instructions: string | null
  metadata: Record<string, unknown> | null
  embedding_config: EmbeddingConfig
  vector_db_provider: string
  created_by_id: string | null
  last_updated_by_id: string | null
  created_at: string
  updated_at: string
}

interface SourceRow {
  seq: number
  id: string
  name: string
  description: string | null
  instructions: string | null
  metadata: string | null
  embedding_config: string
  vector_db_provider: string
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

export interface NewSource {
  name: string
  description?: string | null | undefined
  instructions?: string | null | undefined
  metadata?: Record<string, unknown> | null | undefined
  embedding_config: EmbeddingConfig
}

export type SourcePatch = Partial<
  Pick<Source, 'name' | 'description' | 'instructions' | 'metadata' | 'embedding_config'>
>

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    instructions: row.instructions,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
    embedding_config: JSON.parse(row.embedding_config) as EmbeddingConfig,
    vector_db_provider: row.vector_db_provider,
    created_by_id: row.created_by_id,
    last_updated_by_id: row.last_updated_by_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value))

export class SourcesRepository {
  constructor(private readonly db: Db) {}

  create(input: NewSource): Source {
    const now = nowIso()
    const id = newId('source')
    this.db
      .prepare(
        `INSERT INTO sources (id, name, description, instructions, metadata, embedding_config, created_at, updated_at, created_by_id, last_updated_by_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.name,
        input.description ?? null,
        input.instructions ?? null,
        jsonOrNull(input.metadata),
        JSON.stringify(input.embedding_config),
        now,
        now,
        DEFAULT_USER_ID,
        DEFAULT_USER_ID,
      )
    return this.get(id) as Source
  }

  get(id: string): Source | undefined {
    const row = this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as
      SourceRow | undefined
    return row && toSource(row)
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined
  }

  getByName(name: string): Source | undefined {
    const row = this.db.prepare('SELECT * FROM sources WHERE name = ?').get(name) as
      SourceRow | undefined
    return row && toSource(row)
  }

  update(id: string, patch: SourcePatch): void {
    const columns = Object.keys(patch) as (keyof SourcePatch)[]
    if (!columns.length) return
    const values = columns.map((column) =>
      column === 'metadata' || column === 'embedding_config'
        ? jsonOrNull(patch[column])
        : patch[column],
    )
    this.db
      .prepare(
        `UPDATE sources SET ${columns.map((column) => `${column} = ?`).join(', ')}, updated_at = ?, last_updated_by_id = ? WHERE id = ?`,
      )
      .run(...values, nowIso(), DEFAULT_USER_ID, id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0
  }

  list(filters: { name?: string | undefined }, cursor: CursorParams, defaults: PageDefaults) {
    const where = filters.name ? [{ sql: 'name = ?', params: [filters.name] }] : []
    return paginate<SourceRow>({ db: this.db, table: 'sources', where, cursor, ...defaults }).map(
      toSource,
    )
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n
  }

  /** File counts for the given sources in one query; sources without files are absent. */
  fileCounts(sourceIds: readonly string[]): Map<string, number> {
    if (!sourceIds.length) return new Map()
    const { sql, params } = inList('source_id', sourceIds)
    const rows = this.db
      .prepare(`SELECT source_id, COUNT(*) AS n FROM files WHERE ${sql} GROUP BY source_id`)
      .all(...params) as { source_id: string; n: number }[]
    return new Map(rows.map((row) => [row.source_id, row.n]))
  }
}

export interface PageDefaults {
  defaultLimit: number
  defaultOrder: 'asc' | 'desc'
}
