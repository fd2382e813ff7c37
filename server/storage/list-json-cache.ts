import type { Db } from './db.ts'
import { cachedStatement } from './sql.ts'

/** UTF-8 JSON known to encode a value of type T, as it is sent to clients. */
export type JsonBytes<T> = Uint8Array<ArrayBuffer> & { readonly encodes?: T }

const utf8 = new TextEncoder()

/** The bytes of JSON text known to encode T (TextEncoder gives each its own buffer, not a pool's). */
export const jsonBytes = <T>(text: string): JsonBytes<T> => utf8.encode(text)

/** A Map bounded by the total size of its values; the least recently used entries go first. */
class SizedLru<K, V> {
  private readonly entries = new Map<K, V>()
  private size = 0

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Moved to the back: Map keeps insertion order, so the front is the least recently used.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    this.delete(key)
    const size = this.sizeOf(value)
    if (size > this.maxSize) return
    this.entries.set(key, value)
    this.size += size
    for (const [oldest] of this.entries) {
      if (this.size <= this.maxSize) break
      this.delete(oldest)
    }
  }

  delete(key: K): void {
    const value = this.entries.get(key)
    if (value === undefined) return
    this.size -= this.sizeOf(value)
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
    this.size = 0
  }
}

/**
 * The JSON text each row of one table turns into, kept while the row's `row_version` (bumped by a
 * trigger on every UPDATE; see migration 020) is unchanged. Bounded by size; least recently used
 * rows go first.
 */
export class RowJsonCache {
  private readonly rows: SizedLru<number, { version: number; json: string }>

  constructor(maxChars = 16 * 1024 * 1024) {
    this.rows = new SizedLru(maxChars, (entry) => entry.json.length)
  }

  get(seq: number, version: number): string | undefined {
    const entry = this.rows.get(seq)
    if (!entry) return undefined
    if (entry.version === version) return entry.json
    this.rows.delete(seq)
    return undefined
  }

  set(seq: number, version: number, json: string): void {
    this.rows.set(seq, { version, json })
  }
}

/**
 * Whole pages of one list, as the bytes sent, for one version of their table (see migration 070).
 * A page served from here costs one read of that version: no page query, no joining of rows and
 * no encoding. Any write to the table retires every kept page at once, which suits lists that are
 * read far more often than written. Bounded by size; least recently used pages go first.
 */
export class PageJsonCache {
  private version: number | undefined
  private readonly pages: SizedLru<string, Uint8Array>

  constructor(maxBytes = 4 * 1024 * 1024) {
    this.pages = new SizedLru(maxBytes, (page) => page.byteLength)
  }

  get(version: number, key: string): Uint8Array | undefined {
    if (version === this.version) return this.pages.get(key)
    this.pages.clear()
    this.version = version
    return undefined
  }

  set(version: number, key: string, page: Uint8Array): void {
    if (version !== this.version) {
      this.pages.clear()
      this.version = version
    }
    this.pages.set(key, page)
  }
}

/** What is kept of one table's list presented one way: each row's JSON and whole pages. */
export interface ListJsonCache {
  rows: RowJsonCache
  pages: PageJsonCache
}

const listJsonCaches = new WeakMap<Db, Map<string, ListJsonCache>>()

/** The one ListJsonCache of a table (and way of presenting it) in a database. */
export function listJsonCache(db: Db, name: string): ListJsonCache {
  let caches = listJsonCaches.get(db)
  if (!caches) listJsonCaches.set(db, (caches = new Map()))
  let cache = caches.get(name)
  if (!cache) caches.set(name, (cache = { rows: new RowJsonCache(), pages: new PageJsonCache() }))
  return cache
}

/** The table's count of writes from table_versions; undefined for a table it does not follow. */
export function tableVersion(db: Db, table: string): number | undefined {
  return cachedStatement(db, 'SELECT version FROM table_versions WHERE name = ?')
    .pluck()
    .get(table) as number | undefined
}
