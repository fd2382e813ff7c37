/** Deeper JSON than this is refused: serialising it again would overflow the stack. */
export const MAX_JSON_DEPTH = 512

/**
 * How deeply arrays and objects nest in JSON text, counted without parsing (brackets inside
 * strings are skipped); stops counting once `limit` is passed.
 */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 92) i++
      else if (code === 34) inString = false
    } else if (code === 34) inString = true
    else if (code === 91 || code === 123) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (code === 93 || code === 125) depth--
  }
  return deepest
}
