import type { Statement } from 'better-sqlite3'

import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { listJsonCache, type JsonBytes } from './list-json-cache.ts'
import { paginate, paginateJson, type CursorParams } from './pagination.ts'
import type { EmbeddingConfig, PageDefaults } from './sources-repository.ts'

export interface Passage {
  id: string
  text: string
  embedding: number[]
  embedding_config: EmbeddingConfig
  source_id: string
  file_id: string
  file_name: string | null
  metadata: Record<string, unknown>
  tags: string[] | null
  is_deleted: boolean
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

interface PassageRow {
  seq: number
  row_version: number
  id: string
  source_id: string
  file_id: string
  file_name: string | null
  text: string
  embedding: Buffer
  embedding_config: string
  metadata: string
  tags: string | null
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

export interface NewPassage {
  text: string
  embedding: Float32Array
  metadata: Record<string, unknown>
}

export interface PassageFilters {
  file_id?: string | undefined
  /** Case-insensitive substring of the text. */
  search?: string | undefined
}

/** Float32 little-endian, the layout every platform this runs on uses natively. */
export function embeddingToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
}

export function blobToEmbedding(blob: Buffer): number[] {
  // Copied out: a Buffer's offset into its pool need not be 4-byte aligned.
  const vector = new Float32Array(blob.byteLength / 4)
  new Uint8Array(vector.buffer).set(blob)
  return Array.from(vector)
}

function toPassage(row: PassageRow): Passage {
  return {
    id: row.id,
    text: row.text,
    embedding: blobToEmbedding(row.embedding),
    embedding_config: JSON.parse(row.embedding_config) as EmbeddingConfig,
    source_id: row.source_id,
    file_id: row.file_id,
    file_name: row.file_name,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    tags: row.tags === null ? null : (JSON.parse(row.tags) as string[]),
    is_deleted: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
    created_by_id: row.created_by_id,
    last_updated_by_id: row.last_updated_by_id,
  }
}

export class PassagesRepository {
  private readonly insert: Statement

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO passages (id, source_id, file_id, file_name, text, embedding, embedding_config, metadata, created_at, updated_at, created_by_id, last_updated_by_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  /** Inserts one batch in a single transaction, so a batch is stored whole or not at all. */
  insertMany(
    owner: { source_id: string; file_id: string; file_name: string },
    embeddingConfig: EmbeddingConfig,
    passages: readonly NewPassage[],
  ): number {
    const now = nowIso()
    const config = JSON.stringify(embeddingConfig)
    this.db.transaction(() => {
      for (const passage of passages) {
        this.insert.run(
          newId('passage'),
          owner.source_id,
          owner.file_id,
          owner.file_name,
          passage.text,
          embeddingToBlob(passage.embedding),
          config,
          JSON.stringify(passage.metadata),
          now,
          now,
          DEFAULT_USER_ID,
          DEFAULT_USER_ID,
        )
      }
    })()
    return passages.length
  }

  deleteByFile(fileId: string): number {
    return this.db.prepare('DELETE FROM passages WHERE file_id = ?').run(fileId).changes
  }

  countByFile(fileId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM passages WHERE file_id = ?').get(fileId) as {
        n: number
      }
    ).n
  }

  list(
    sourceId: string,
    filters: PassageFilters,
    cursor: CursorParams,
    defaults: PageDefaults,
  ): Passage[] {
    return paginate<PassageRow>(this.pageQuery(sourceId, filters, cursor, defaults)).map(toPassage)
  }

  /** list() as the JSON a client receives, from the kept page or each row's kept serialisation. */
  listJson(
    sourceId: string,
    filters: PassageFilters,
    cursor: CursorParams,
    defaults: PageDefaults,
  ): JsonBytes<Passage[]> {
    return paginateJson(this.pageQuery(sourceId, filters, cursor, defaults), {
      cache: listJsonCache(this.db, 'passages'),
      present: toPassage,
    })
  }

  private pageQuery(
    sourceId: string,
    filters: PassageFilters,
    cursor: CursorParams,
    defaults: PageDefaults,
  ) {
    const where = [{ sql: 'source_id = ?', params: [sourceId] as unknown[] }]
    if (filters.file_id) where.push({ sql: 'file_id = ?', params: [filters.file_id] })
    if (filters.search) {
      // instr is a plain substring test (no LIKE wildcards to escape); lower() folds ASCII on both sides.
      where.push({ sql: 'instr(lower(text), lower(?)) > 0', params: [filters.search] })
    }
    return { db: this.db, table: 'passages', where, cursor, ...defaults }
  }

  /**
   * The source's passages most similar to `query` by cosine similarity, best first. Read in one pass
   * with only the `limit` best kept, so a large source costs time, not memory.
   */
  nearest(
    sourceId: string,
    query: Float32Array,
    limit: number,
  ): { passage: Passage; score: number }[] {
    let queryNorm = 0
    for (const value of query) queryNorm += value * value
    queryNorm = Math.sqrt(queryNorm)
    const best: { row: PassageRow; score: number }[] = []
    const rows = this.db
      .prepare('SELECT * FROM passages WHERE source_id = ? ORDER BY seq')
      .iterate(sourceId) as IterableIterator<PassageRow>
    for (const row of rows) {
      const vector = new Float32Array(row.embedding.byteLength / 4)
      new Uint8Array(vector.buffer).set(row.embedding)
      if (vector.length !== query.length) continue
      let dot = 0
      let norm = 0
      for (let i = 0; i < vector.length; i++) {
        const value = vector[i] as number
        dot += value * (query[i] as number)
        norm += value * value
      }
      const score = norm > 0 && queryNorm > 0 ? dot / (Math.sqrt(norm) * queryNorm) : 0
      if (best.length === limit && score <= (best.at(-1)?.score ?? -Infinity)) continue
      const at = best.findIndex((entry) => entry.score < score)
      best.splice(at === -1 ? best.length : at, 0, { row, score })
      if (best.length > limit) best.pop()
    }
    return best.map(({ row, score }) => ({ passage: toPassage(row), score }))
  }

  /** Every passage of the sources, for a similarity search across them. */
  forSources(sourceIds: readonly string[]): Passage[] {
    if (!sourceIds.length) return []
    const placeholders = sourceIds.map(() => '?').join(', ')
    return (
      this.db
        .prepare(`SELECT * FROM passages WHERE source_id IN (${placeholders}) ORDER BY seq`)
        .all(...sourceIds) as PassageRow[]
    ).map(toPassage)
  }
}
