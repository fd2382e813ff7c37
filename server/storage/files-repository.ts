import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { listJsonCache, type JsonBytes } from './list-json-cache.ts'
import { paginate, paginateJson, type CursorParams } from './pagination.ts'
import type { PageDefaults } from './sources-repository.ts'
import { inList } from './sql.ts'

export const FILE_PROCESSING_STATUSES = [
  'pending',
  'parsing',
  'embedding',
  'completed',
  'error',
] as const
export type FileProcessingStatus = (typeof FILE_PROCESSING_STATUSES)[number]
/** Statuses of a file whose ingestion has not finished. */
export const UNFINISHED_FILE_STATUSES: readonly FileProcessingStatus[] = [
  'pending',
  'parsing',
  'embedding',
]

export interface FileRecord {
  id: string
  source_id: string
  file_name: string
  original_file_name: string
  file_path: string | null
  file_type: string
  file_size: number
  file_creation_date: string | null
  file_last_modified_date: string | null
  processing_status: FileProcessingStatus
  error_message: string | null
  total_chunks: number | null
  chunks_embedded: number | null
  job_id: string | null
  created_at: string
  updated_at: string
  created_by_id: string | null
  last_updated_by_id: string | null
}

// Every column but seq, so rows come out as records.
const COLUMNS =
  'id, source_id, file_name, original_file_name, file_path, file_type, file_size, file_creation_date, file_last_modified_date, processing_status, error_message, total_chunks, chunks_embedded, job_id, created_at, updated_at, created_by_id, last_updated_by_id'

type FileRow = FileRecord & { seq: number; row_version: number }

/** The record without the storage-only columns, keys in COLUMNS order. */
function toFileRecord(row: FileRow): FileRecord {
  const { seq, row_version, ...record } = row
  void seq
  void row_version
  return record
}

export interface NewFile {
  /** Chosen by the caller, so the stored original can be written under it before the row exists. */
  id: string
  source_id: string
  file_name: string
  original_file_name: string
  file_type: string
  file_size: number
}

export type FilePatch = Partial<
  Pick<
    FileRecord,
    'processing_status' | 'error_message' | 'total_chunks' | 'chunks_embedded' | 'job_id'
  >
>

export class FilesRepository {
  constructor(private readonly db: Db) {}

  static newId(): string {
    return newId('file')
  }

  create(input: NewFile): void {
    const now = nowIso()
    this.db
      .prepare(
        `INSERT INTO files (id, source_id, file_name, original_file_name, file_type, file_size, processing_status, created_at, updated_at, created_by_id, last_updated_by_id)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(
        input.id,
        input.source_id,
        input.file_name,
        input.original_file_name,
        input.file_type,
        input.file_size,
        now,
        now,
        DEFAULT_USER_ID,
        DEFAULT_USER_ID,
      )
  }

  get(id: string): FileRecord | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM files WHERE id = ?`).get(id) as
      FileRecord | undefined
  }

  findByName(sourceId: string, fileName: string): FileRecord | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM files WHERE source_id = ? AND file_name = ?`)
      .get(sourceId, fileName) as FileRecord | undefined
  }

  hasName(sourceId: string, fileName: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM files WHERE source_id = ? AND file_name = ?')
        .get(sourceId, fileName) !== undefined
    )
  }

  /** Written on every progress step of an ingest, so it does not read the row back. */
  update(id: string, patch: FilePatch): void {
    const columns = Object.keys(patch) as (keyof FilePatch)[]
    if (!columns.length) return
    this.db
      .prepare(
        `UPDATE files SET ${columns.map((column) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      )
      .run(...columns.map((column) => patch[column]), nowIso(), id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM files WHERE id = ?').run(id).changes > 0
  }

  list(sourceId: string, cursor: CursorParams, defaults: PageDefaults): FileRecord[] {
    return paginate<FileRow>(this.pageQuery(sourceId, cursor, defaults)).map(toFileRecord)
  }

  /**
   * list() as the JSON of each file as `present` shows it (which must depend on the row alone),
   * from the kept page or each row's kept serialisation.
   */
  listJson<T>(
    sourceId: string,
    cursor: CursorParams,
    defaults: PageDefaults,
    present: (file: FileRecord) => T,
  ): JsonBytes<T[]> {
    return paginateJson(this.pageQuery(sourceId, cursor, defaults), {
      cache: listJsonCache(this.db, 'files'),
      present: (row: FileRow) => present(toFileRecord(row)),
    })
  }

  private pageQuery(sourceId: string, cursor: CursorParams, defaults: PageDefaults) {
    return {
      db: this.db,
      table: 'files',
      where: [{ sql: 'source_id = ?', params: [sourceId] }],
      cursor,
      ...defaults,
    }
  }

  listBySource(sourceId: string): FileRecord[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM files WHERE source_id = ? ORDER BY seq`)
      .all(sourceId) as FileRecord[]
  }

  listByStatus(statuses: readonly FileProcessingStatus[]): FileRecord[] {
    const { sql, params } = inList('processing_status', statuses)
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM files WHERE ${sql} ORDER BY seq`)
      .all(...params) as FileRecord[]
  }

  allIds(): Set<string> {
    return new Set(
      (this.db.prepare('SELECT id FROM files').all() as { id: string }[]).map((row) => row.id),
    )
  }

  setContent(fileId: string, text: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO file_contents (file_id, text) VALUES (?, ?)')
      .run(fileId, text)
  }

  getContent(fileId: string): string | null {
    const row = this.db.prepare('SELECT text FROM file_contents WHERE file_id = ?').get(fileId) as
      { text: string } | undefined
    return row?.text ?? null
  }

  deleteContent(fileId: string): void {
    this.db.prepare('DELETE FROM file_contents WHERE file_id = ?').run(fileId)
  }
}
