import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

import { openDatabase, runMigrations } from '../storage/db.ts'
import { newId } from '../storage/ids.ts'
import { paginate, UnknownCursorError } from '../storage/pagination.ts'

describe('migrations', () => {
  it('runs numbered files once each, in numeric order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letta-admin-migrations-'))
    writeFileSync(join(dir, '2_second.sql'), 'INSERT INTO log (step) VALUES (2);')
    writeFileSync(join(dir, '10_tenth.sql'), 'INSERT INTO log (step) VALUES (10);')
    writeFileSync(join(dir, '1_first.sql'), 'CREATE TABLE log (step INTEGER);')
    writeFileSync(join(dir, 'notes.txt'), 'not a migration')
    const db = new Database(':memory:')
    expect(runMigrations(db, dir)).toEqual(['1_first.sql', '2_second.sql', '10_tenth.sql'])
    expect(runMigrations(db, dir)).toEqual([])
    expect(db.prepare('SELECT step FROM log').all()).toEqual([{ step: 2 }, { step: 10 }])
  })

  it('opens a file database in WAL mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letta-admin-db-'))
    const db = openDatabase(dir)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })
})

describe('ids', () => {
  it('are <prefix>-<uuid4>', () => {
    expect(newId('tool')).toMatch(
      /^tool-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })
})

describe('cursor pagination', () => {
  const db = new Database(':memory:')
  db.exec(
    'CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, kind TEXT)',
  )
  const ids = Array.from({ length: 10 }, (_, index) => `item-${index}`)
  for (const [index, id] of ids.entries()) {
    db.prepare('INSERT INTO items (id, kind) VALUES (?, ?)').run(id, index % 2 ? 'odd' : 'even')
  }
  const page = (
    cursor: Parameters<typeof paginate>[0]['cursor'],
    extra: Partial<Parameters<typeof paginate>[0]> = {},
  ) =>
    paginate<{ id: string }>({
      db,
      table: 'items',
      cursor,
      defaultLimit: 3,
      defaultOrder: 'asc',
      ...extra,
    }).map((row) => row.id)

  it('pages forward with after, in either order', () => {
    expect(page({})).toEqual(['item-0', 'item-1', 'item-2'])
    expect(page({ after: 'item-2' })).toEqual(['item-3', 'item-4', 'item-5'])
    expect(page({ order: 'desc' })).toEqual(['item-9', 'item-8', 'item-7'])
    expect(page({ order: 'desc', after: 'item-7' })).toEqual(['item-6', 'item-5', 'item-4'])
  })

  it('pages with before and limit, and combines with filters', () => {
    expect(page({ before: 'item-3', limit: 10 })).toEqual(['item-0', 'item-1', 'item-2'])
    expect(page({ after: 'item-1', before: 'item-6', limit: 10 })).toEqual([
      'item-2',
      'item-3',
      'item-4',
      'item-5',
    ])
    expect(page({ limit: 10 }, { where: [{ sql: 'kind = ?', params: ['odd'] }] })).toEqual([
      'item-1',
      'item-3',
      'item-5',
      'item-7',
      'item-9',
    ])
  })

  it('gives the page nearest the cursor, so before=<first id> steps back one page', () => {
    expect(page({ before: 'item-6' })).toEqual(['item-3', 'item-4', 'item-5'])
    expect(page({ order: 'desc', before: 'item-3' })).toEqual(['item-6', 'item-5', 'item-4'])
    const chronological = { cursorMeaning: 'chronological' as const }
    expect(page({ order: 'desc', after: 'item-3' }, chronological)).toEqual([
      'item-6',
      'item-5',
      'item-4',
    ])
    expect(page({ order: 'asc', before: 'item-6' }, chronological)).toEqual([
      'item-3',
      'item-4',
      'item-5',
    ])
    expect(page({ order: 'desc', before: 'item-6' }, chronological)).toEqual([
      'item-5',
      'item-4',
      'item-3',
    ])
  })

  it('reads after as newer and before as older in chronological mode, whatever the order', () => {
    const chronological = { cursorMeaning: 'chronological' as const }
    expect(page({ order: 'desc', after: 'item-6', limit: 10 }, chronological)).toEqual([
      'item-9',
      'item-8',
      'item-7',
    ])
    expect(page({ order: 'desc', before: 'item-2', limit: 10 }, chronological)).toEqual([
      'item-1',
      'item-0',
    ])
  })

  it('refuses a cursor that names nothing in the list', () => {
    expect(() => page({ after: 'item-404' })).toThrow(UnknownCursorError)
  })
})
