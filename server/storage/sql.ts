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
