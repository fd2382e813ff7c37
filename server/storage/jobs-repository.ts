import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'
import { listJsonCache, type JsonBytes } from './list-json-cache.ts'
import { paginate, paginateJson, type CursorParams } from './pagination.ts'
import { inList, type SqlCondition } from './sql.ts'

export const JOB_STATUSES = [
  'created',
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
  'expired',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ['created', 'pending', 'running']
export const JOB_TYPES = ['job', 'run', 'batch'] as const
export type JobType = (typeof JOB_TYPES)[number]

export interface Job {
  id: string
  status: JobStatus
  job_type: JobType
  created_at: string
  updated_at: string
  completed_at: string | null
  stop_reason: string | null
  metadata: Record<string, unknown>
  callback_url: string | null
  callback_sent_at: string | null
  callback_status_code: number | null
  callback_error: string | null
  created_by_id: string | null
  last_updated_by_id: string | null
  user_id: string | null
}

interface JobRow {
  seq: number
  row_version: number
  id: string
  status: JobStatus
  job_type: JobType
  source_id: string | null
  file_id: string | null
  metadata: string
  stop_reason: string | null
  callback_url: string | null
  callback_sent_at: string | null
  callback_status_code: number | null
  callback_error: string | null
  created_at: string
  updated_at: string
  completed_at: string | null
  created_by_id: string | null
  last_updated_by_id: string | null
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    status: row.status,
    job_type: row.job_type,
    created_at: row.created_at,
    updated_at: row.updated_at,
    completed_at: row.completed_at,
    stop_reason: row.stop_reason,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    callback_url: row.callback_url,
    callback_sent_at: row.callback_sent_at,
    callback_status_code: row.callback_status_code,
    callback_error: row.callback_error,
    created_by_id: row.created_by_id,
    last_updated_by_id: row.last_updated_by_id,
    user_id: row.created_by_id,
  }
}

export interface NewJob {
  job_type?: JobType
  status?: JobStatus
  metadata?: Record<string, unknown>
  source_id?: string | undefined
  file_id?: string | undefined
  callback_url?: string | undefined
}

export type JobPatch = Partial<
  Pick<
    Job,
    | 'status'
    | 'completed_at'
    | 'stop_reason'
    | 'metadata'
    | 'callback_sent_at'
    | 'callback_status_code'
    | 'callback_error'
  >
>

export interface JobFilters {
  source_id?: string | undefined
  statuses?: readonly JobStatus[] | undefined
  job_type?: JobType | undefined
}

export class JobsRepository {
  constructor(private readonly db: Db) {}

  create(input: NewJob): Job {
    const now = nowIso()
    const id = newId('job')
    this.db
      .prepare(
        `INSERT INTO jobs (id, status, job_type, source_id, file_id, metadata, callback_url, created_at, updated_at, created_by_id, last_updated_by_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.status ?? 'created',
        input.job_type ?? 'job',
        input.source_id ?? null,
        input.file_id ?? null,
        JSON.stringify(input.metadata ?? {}),
        input.callback_url ?? null,
        now,
        now,
        DEFAULT_USER_ID,
        DEFAULT_USER_ID,
      )
    return this.get(id) as Job
  }

  get(id: string): Job | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined
    return row && toJob(row)
  }

  update(id: string, patch: JobPatch): Job | undefined {
    const columns = Object.keys(patch) as (keyof JobPatch)[]
    if (columns.length) {
      const values = columns.map((column) =>
        column === 'metadata' ? JSON.stringify(patch.metadata) : patch[column],
      )
      this.db
        .prepare(
          `UPDATE jobs SET ${columns.map((column) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
        )
        .run(...values, nowIso(), id)
    }
    return this.get(id)
  }

  /** Merges keys into the job's metadata in one statement, so concurrent writers do not lose keys. */
  mergeMetadata(id: string, metadata: Record<string, unknown>): void {
    this.db
      .prepare('UPDATE jobs SET metadata = json_patch(metadata, ?), updated_at = ? WHERE id = ?')
      .run(JSON.stringify(metadata), nowIso(), id)
  }

  list(filters: JobFilters, cursor: CursorParams): Job[] {
    return paginate<JobRow>(this.pageQuery(filters, cursor)).map(toJob)
  }

  /** list() as the JSON a client receives, from the kept page or each row's kept serialisation. */
  listJson(filters: JobFilters, cursor: CursorParams): JsonBytes<Job[]> {
    return paginateJson(this.pageQuery(filters, cursor), {
      cache: listJsonCache(this.db, 'jobs'),
      present: toJob,
    })
  }

  private pageQuery(filters: JobFilters, cursor: CursorParams) {
    const where: SqlCondition[] = []
    if (filters.source_id) where.push({ sql: 'source_id = ?', params: [filters.source_id] })
    if (filters.job_type) where.push({ sql: 'job_type = ?', params: [filters.job_type] })
    if (filters.statuses) where.push(inList('status', filters.statuses))
    return {
      db: this.db,
      table: 'jobs',
      where,
      cursor,
      defaultLimit: 100,
      defaultOrder: 'desc' as const,
      cursorMeaning: 'chronological' as const,
    }
  }

  /** Jobs in these statuses, oldest first, each with the file it works on (null for other work). */
  listByStatusWithFile(statuses: readonly JobStatus[]): { job: Job; fileId: string | null }[] {
    const { sql, params } = inList('status', statuses)
    const rows = this.db
      .prepare(`SELECT * FROM jobs WHERE ${sql} ORDER BY seq`)
      .all(...params) as JobRow[]
    return rows.map((row) => ({ job: toJob(row), fileId: row.file_id }))
  }

  /** Finished jobs whose callback was never recorded as sent: the process stopped while sending. */
  listUndeliveredCallbacks(): Job[] {
    const { sql, params } = inList('status', ACTIVE_JOB_STATUSES)
    const rows = this.db
      .prepare(
        `SELECT * FROM jobs WHERE callback_url IS NOT NULL AND callback_sent_at IS NULL AND NOT ${sql} ORDER BY seq`,
      )
      .all(...params) as JobRow[]
    return rows.map(toJob)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes > 0
  }
}
