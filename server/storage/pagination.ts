import type { Db } from './db.ts'

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
  where?: { sql: string; params: unknown[] }[]
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

/** One cursor pagination for every list: before/after are object ids, order by insertion. */
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
  const whereSql = conditions.length
    ? `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}`
    : ''
  const params = conditions.flatMap((c) => c.params)
  const sql = `SELECT * FROM ${table} ${whereSql} ORDER BY seq ${order === 'asc' ? 'ASC' : 'DESC'} LIMIT ?`
  return db.prepare(sql).all(...params, limit) as Row[]
}
