import type { Statement } from 'better-sqlite3'

import type { Db } from './db.ts'

/** One SQL condition with the parameters its placeholders take. */
export interface SqlCondition {
  sql: string
  params: unknown[]
}

/** `column IN (?, ?, ...)`; an empty list matches nothing. */
export function inList(column: string, values: readonly unknown[]): SqlCondition {
  return {
    sql: `${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`,
    params: [...values],
  }
}

/** The conditions joined with AND as a WHERE clause (empty when there are none), with their parameters. */
export function whereClause(conditions: readonly SqlCondition[]): SqlCondition {
  return {
    sql: conditions.length ? `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}` : '',
    params: conditions.flatMap((c) => c.params),
  }
}

/** better-sqlite3's error for a row that breaks a UNIQUE constraint (a name already taken). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  )
}

const statements = new WeakMap<Db, Map<string, Statement>>()
/** Enough for every distinct list query a server makes; beyond it the oldest are dropped. */
const MAX_CACHED_STATEMENTS = 500

/**
 * A prepared statement for `sql`, compiled once per database: preparing costs more than running
 * a small query. Not for statements switched to raw mode by one caller and not another.
 */
export function cachedStatement(db: Db, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
    if (cache.size > MAX_CACHED_STATEMENTS) {
      const [oldest] = cache.keys()
      if (oldest !== undefined) cache.delete(oldest)
    }
  }
  return statement
}
