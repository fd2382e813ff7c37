import type { Db } from './db.ts'
import { whereClause, type SqlCondition } from './sql.ts'

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

/**
 * One cursor pagination for every list: before/after are object ids, order by insertion. A page
 * is always the items nearest its cursor, so `before=<first id>` steps back exactly one page (the
 * SDK's rule for paging backwards), then reads in the list's order.
 */
export function paginate<Row>(query: PageQuery): Row[] {
  const { db, table, cursor } = query
  const order = cursor.order ?? query.defaultOrder
  const limit = cursor.limit ?? query.defaultLimit
  const conditions = [...(query.where ?? [])]
  const seqOf = (id: string): number => {
    const row = db.prepare(`SELECT seq FROM ${table} WHERE id = ?`).get(id) as
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
  const windowPrecedesCursor =
    (cursor.before && !cursor.after && (!chronological || order === 'asc')) ||
    (cursor.after && !cursor.before && chronological && order === 'desc')
  const ascending = (order === 'asc') !== Boolean(windowPrecedesCursor)
  const where = whereClause(conditions)
  const sql = `SELECT * FROM ${table} ${where.sql} ORDER BY seq ${ascending ? 'ASC' : 'DESC'} LIMIT ?`
  const rows = db.prepare(sql).all(...where.params, limit) as Row[]
  return windowPrecedesCursor ? rows.reverse() : rows
}
