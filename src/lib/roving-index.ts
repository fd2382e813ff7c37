const NEXT = {
  vertical: ['ArrowDown'],
  horizontal: ['ArrowRight'],
  both: ['ArrowDown', 'ArrowRight'],
}
const PREVIOUS = {
  vertical: ['ArrowUp'],
  horizontal: ['ArrowLeft'],
  both: ['ArrowUp', 'ArrowLeft'],
}

/**
 * Where a list's arrow keys, Home and End move from `index` among `count` items (WAI-ARIA's
 * roving focus), or null for any other key. `wrap` goes round from the last item to the first and
 * back; without it the ends stay put.
 */
export function rovingIndex(
  key: string,
  index: number,
  count: number,
  { axis, wrap }: { axis: keyof typeof NEXT; wrap: boolean },
): number | null {
  const last = count - 1
  if (key === 'Home') return 0
  if (key === 'End') return last
  if (NEXT[axis].includes(key)) return index < last ? index + 1 : wrap ? 0 : last
  if (PREVIOUS[axis].includes(key)) return index > 0 ? index - 1 : wrap ? last : 0
  return null
}
