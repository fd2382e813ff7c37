import type { Db } from './db.ts'
import { jsonBytes, tableVersion, type JsonBytes, type ListJsonCache } from './list-json-cache.ts'
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

export interface RowJson<Row, Presented> {
  cache: ListJsonCache
  /** What a client receives for the row; must depend on the row alone. */
  present: (row: Row) => Presented
}

/**
 * The same page as paginate(), as the UTF-8 JSON of the presented rows, byte for byte what
 * `JSON.stringify(paginate(query).map(present))` gives. A page asked for again before its table
 * changes is sent as kept; otherwise only each row's seq and row_version are read for rows
 * already serialised at that version, and the rest are read whole and presented.
 */
export function paginateJson<Row extends { seq: number; row_version: number }, Presented>(
  query: PageQuery,
  rowJson: RowJson<Row, Presented>,
): JsonBytes<Presented[]> {
  const plan = planPage(query)
  // Nothing is kept from inside a transaction: what it reads may be rolled back, and the version
  // numbers it saw then handed out again to other contents.
  const keep = !query.db.inTransaction
  // Read before the page, so a page is never older than the version it is kept under.
  const version = keep ? tableVersion(query.db, query.table) : undefined
  // The whole plan: one query read in both directions makes two pages.
  const key = `${plan.reversed ? 'reversed' : 'in order'}\n${plan.rest}\n${JSON.stringify(plan.params)}`
  if (version !== undefined) {
    const page = rowJson.cache.pages.get(version, key)
    if (page) return page as JsonBytes<Presented[]>
  }
  const page = jsonBytes<Presented[]>(pageText(query, plan, rowJson, keep))
  if (version !== undefined) rowJson.cache.pages.set(version, key, page)
  return page
}

/** The page's JSON text, from each row's kept JSON where its row_version still matches. */
function pageText<Row extends { seq: number; row_version: number }, Presented>(
  query: PageQuery,
  plan: PagePlan,
  rowJson: RowJson<Row, Presented>,
  keep: boolean,
): string {
  const rowCache = rowJson.cache.rows
  const versions = cachedStatement(query.db, `SELECT seq, row_version ${plan.rest}`)
    .raw(true)
    .all(...plan.params) as [number, number][]
  if (plan.reversed) versions.reverse()
  const parts: (string | undefined)[] = versions.map(([seq, version]) => rowCache.get(seq, version))
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
      if (keep) rowCache.set(seq, row.row_version, json)
      parts[index] = json
    })
  }
  // A row deleted between the two reads is left out, as if it had gone before the first.
  return `[${parts.filter((part) => part !== undefined).join(',')}]`
}
