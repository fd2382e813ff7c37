/** `{{name}}` as the server reads it: a letter or "_" first, optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export type TextPart = { text: string; variable?: undefined } | { text: string; variable: string }

/** The text cut into plain runs and placeholders, in order, to show the placeholders apart. */
export function splitVariables(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index
    if (start > last) parts.push({ text: text.slice(last, start) })
    parts.push({ text: match[0], variable: match[1] ?? '' })
    last = start + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}

export type DiffKind = 'same' | 'removed' | 'added' | 'changed'

/** One row of a side-by-side diff: the old line on the left, the new on the right. */
export interface DiffRow {
  kind: DiffKind
  left: string | null
  right: string | null
}

/**
 * A line diff (longest common subsequence) laid out side by side: a removal next to an addition
 * shares a row as a change.
 */
export function sideBySideDiff(before: string, after: string): DiffRow[] {
  const a = before === '' ? [] : before.split('\n')
  const b = after === '' ? [] : after.split('\n')
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  )
  const at = (i: number, j: number) => lengths[i]?.[j] ?? 0
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[]
      row[j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
    }
  }
  const rows: DiffRow[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    const paired = Math.max(removed.length, added.length)
    for (let k = 0; k < paired; k += 1) {
      const left = removed[k] ?? null
      const right = added[k] ?? null
      rows.push({
        kind: left !== null && right !== null ? 'changed' : left !== null ? 'removed' : 'added',
        left,
        right,
      })
    }
    removed = []
    added = []
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush()
      rows.push({ kind: 'same', left: a[i] ?? '', right: b[j] ?? '' })
      i += 1
      j += 1
    } else if (j < b.length && (i >= a.length || at(i, j + 1) >= at(i + 1, j))) {
      added.push(b[j] ?? '')
      j += 1
    } else {
      removed.push(a[i] ?? '')
      i += 1
    }
  }
  flush()
  return rows
}

/** Names in `after` that `before` lacks, and the reverse. */
export function listChanges(before: readonly string[], after: readonly string[]) {
  const had = new Set(before)
  const has = new Set(after)
  return {
    added: after.filter((name) => !had.has(name)),
    removed: before.filter((name) => !has.has(name)),
    kept: after.filter((name) => had.has(name)),
  }
}
