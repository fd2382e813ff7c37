import { UnknownCursorError, type CursorParams } from '../../storage/pagination.ts'

/**
 * Cursor paging over a short list already in memory (an agent's blocks, tools or sources), with the
 * same meaning as the stored lists: `after` follows the cursor in the chosen order.
 */
export function pageOf<T extends { id: string }>(
  items: readonly T[],
  cursor: CursorParams,
  defaults: { defaultLimit: number; defaultOrder: 'asc' | 'desc' },
): T[] {
  const ordered =
    (cursor.order ?? defaults.defaultOrder) === 'asc' ? [...items] : [...items].reverse()
  const indexOf = (id: string) => {
    const index = ordered.findIndex((item) => item.id === id)
    if (index < 0) throw new UnknownCursorError(id)
    return index
  }
  const start = cursor.after ? indexOf(cursor.after) + 1 : 0
  const end = cursor.before ? indexOf(cursor.before) : ordered.length
  const window = ordered.slice(start, Math.max(start, end))
  const limit = cursor.limit ?? defaults.defaultLimit
  // A page with only `before` is the items nearest the cursor, as in the stored lists.
  return cursor.before && !cursor.after ? window.slice(-limit) : window.slice(0, limit)
}
