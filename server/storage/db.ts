import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'

export type Db = Database.Database

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Opens (creating when needed) the database in dataDir and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  let db: Db
  if (dataDir === ':memory:') {
    db = new Database(':memory:')
  } else {
    mkdirSync(dataDir, { recursive: true })
    db = new Database(join(dataDir, 'letta-admin.sqlite3'))
    db.pragma('journal_mode = WAL')
  }
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  runMigrations(db)
  return db
}

/** Numbered files (001_name.sql, 002_name.sql, ...) run once each, in order, inside a transaction. */
export function runMigrations(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  )
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  )
  const files = readdirSync(dir)
    .filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
  const ran: string[] = []
  for (const file of files) {
    const version = parseInt(file, 10)
    if (applied.has(version)) continue
    const sql = readFileSync(join(dir, file), 'utf8')
    db.transaction(() => {
      db.exec(sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        new Date().toISOString(),
      )
    })()
    ran.push(file)
  }
  return ran
}
