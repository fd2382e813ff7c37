import type { Db } from './db.ts'
import { cachedStatement, whereClause, type SqlCondition } from './sql.ts'

export interface CursorParams {
  before?: string | undefined
  after?: string | undefined
  limit?: number | undefined
  order?: 'asc' | 'desc' | undefined
}

export interface PageQuery {
  db: Db
  /** A table with `seq INTEGER PRIMARY KEY` (insertion order) and a unique text `id`. */
  table: string
  /** Extra SQL conditions joined with AND, with their parameters. */
  where?: SqlCondition[]
  cursor: CursorParams
  defaultLimit: number
  defaultOrder: 'asc' | 'desc'
  /**
   * 'list-order' (Letta's rule for most lists): `after` is what follows the cursor in the chosen order.
   * 'chronological' (Letta's rule for jobs): `after` is newer and `before` older, whatever the order.
   */
  cursorMeaning?: 'list-order' | 'chronological'
}

export class UnknownCursorError extends Error {
  constructor(readonly cursorId: string) {
    super(`Cursor ${cursorId} does not name an item of this list`)
  }
}

interface PagePlan {
  /** `FROM ... WHERE ... ORDER BY ... LIMIT ?`, to follow the selected columns. */
  rest: string
  params: unknown[]
  /** The rows come out in the opposite of the list's order. */
  reversed: boolean
}

/**
 * One cursor pagination for every list: before/after are object ids, order by insertion. A page
 * is always the items nearest its cursor, so `before=<first id>` steps back exactly one page (the
 * SDK's rule for paging backwards), then reads in the list's order.
 */
function planPage(query: PageQuery): PagePlan {
  const { db, table, cursor } = query
  const order = cursor.order ?? query.defaultOrder
  const limit = cursor.limit ?? query.defaultLimit
  const conditions = [...(query.where ?? [])]
  const seqOf = (id: string): number => {
    const row = cachedStatement(db, `SELECT seq FROM ${table} WHERE id = ?`).get(id) as
      { seq: number } | undefined
    if (!row) throw new UnknownCursorError(id)
    return row.seq
  }
  const chronological = query.cursorMeaning === 'chronological'
  if (cursor.after) {
    const newerInList = chronological || order === 'asc'
    conditions.push({ sql: `seq ${newerInList ? '>' : '<'} ?`, params: [seqOf(cursor.after)] })
  }
  if (cursor.before) {
    const olderInList = chronological || order === 'asc'
    conditions.push({ sql: `seq ${olderInList ? '<' : '>'} ?`, params: [seqOf(cursor.before)] })
  }
  // A window that lies ahead of its only cursor is read from the far end towards it, then turned.
  const windowPrecedesCursor = Boolean(
    (cursor.before && !cursor.after && (!chronological || order === 'asc')) ||
    (cursor.after && !cursor.before && chronological && order === 'desc'),
  )
  const ascending = (order === 'asc') !== windowPrecedesCursor
  const where = whereClause(conditions)
  return {
    rest: `FROM ${table} ${where.sql} ORDER BY seq ${ascending ? 'ASC' : 'DESC'} LIMIT ?`,
    params: [...where.params, limit],
    reversed: windowPrecedesCursor,
  }
}

/** A page of whole rows, in the list's order. */
export function paginate<Row>(query: PageQuery): Row[] {
  const plan = planPage(query)
  const rows = cachedStatement(query.db, `SELECT * ${plan.rest}`).all(...plan.params) as Row[]
  return plan.reversed ? rows.reverse() : rows
}

/**
 * The JSON text each row of one table turns into, kept while the row's `row_version` (bumped by a
 * trigger on every UPDATE; see migration 020) is unchanged. Bounded by size; least recently used
 * rows go first.
 */
export class RowJsonCache {
  private readonly entries = new Map<number, { version: number; json: string }>()
  private size = 0

  constructor(private readonly maxChars = 16 * 1024 * 1024) {}

  get(seq: number, version: number): string | undefined {
    const entry = this.entries.get(seq)
    if (!entry) return undefined
    if (entry.version !== version) {
      this.delete(seq)
      return undefined
    }
    // Moved to the back: Map keeps insertion order, so the front is the least recently used.
    this.entries.delete(seq)
    this.entries.set(seq, entry)
    return entry.json
  }

  set(seq: number, version: number, json: string): void {
    this.delete(seq)
    if (json.length > this.maxChars) return
    this.entries.set(seq, { version, json })
    this.size += json.length
    for (const [oldest] of this.entries) {
      if (this.size <= this.maxChars) break
      this.delete(oldest)
    }
  }

  private delete(seq: number): void {
    const entry = this.entries.get(seq)
    if (!entry) return
    this.size -= entry.json.length
    this.entries.delete(seq)
  }
}

const rowJsonCaches = new WeakMap<Db, Map<string, RowJsonCache>>()

/** The one RowJsonCache of a table (and way of presenting it) in a database. */
export function rowJsonCache(db: Db, name: string): RowJsonCache {
  let caches = rowJsonCaches.get(db)
  if (!caches) rowJsonCaches.set(db, (caches = new Map()))
  let cache = caches.get(name)
  if (!cache) caches.set(name, (cache = new RowJsonCache()))
  return cache
}

/** JSON text known to encode a value of type T. */
export type JsonText<T> = string & { readonly encodes?: T }

export interface RowJson<Row, Presented> {
  cache: RowJsonCache
  /** What a client receives for the row; must depend on the row alone. */
  present: (row: Row) => Presented
}

/**
 * The same page as paginate(), as the JSON text of the presented rows, byte for byte what
 * `JSON.stringify(paginate(query).map(present))` gives. Only each row's seq and row_version are
 * read for rows already serialised at that version; the rest are read whole and presented.
 */
export function paginateJson<Row extends { seq: number; row_version: number }, Presented>(
  query: PageQuery,
  rowJson: RowJson<Row, Presented>,
): JsonText<Presented[]> {
  const plan = planPage(query)
  const versions = cachedStatement(query.db, `SELECT seq, row_version ${plan.rest}`)
    .raw(true)
    .all(...plan.params) as [number, number][]
  if (plan.reversed) versions.reverse()
  const parts: (string | undefined)[] = versions.map(([seq, version]) =>
    rowJson.cache.get(seq, version),
  )
  const missing = versions.filter((_, index) => parts[index] === undefined).map(([seq]) => seq)
  if (missing.length) {
    const rows = cachedStatement(
      query.db,
      `SELECT * FROM ${query.table} WHERE seq IN (${missing.map(() => '?').join(', ')})`,
    ).all(...missing) as Row[]
    const bySeq = new Map(rows.map((row) => [row.seq, row]))
    versions.forEach(([seq], index) => {
      if (parts[index] !== undefined) return
      const row = bySeq.get(seq)
      if (!row) return
      const json = JSON.stringify(rowJson.present(row))
      rowJson.cache.set(seq, row.row_version, json)
      parts[index] = json
    })
  }
  // A row deleted between the two reads is left out, as if it had gone before the first.
  return `[${parts.filter((part) => part !== undefined).join(',')}]`
}
