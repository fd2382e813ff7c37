/** A schema error as the editor shows it: the server's message and, when it names one, a line. */
export interface SchemaError {
  message: string
  line: number | undefined
}

// "(line 7)" is the server's convention; "line 7" also covers Python's own SyntaxError wording.
const LINE_PATTERNS = [/\(line (\d+)\)/i, /\bline (\d+)\b/i]

export function parseSchemaError(detail: string): SchemaError {
  for (const pattern of LINE_PATTERNS) {
    const match = pattern.exec(detail)
    const line = match?.[1] ? Number(match[1]) : Number.NaN
    if (Number.isInteger(line) && line > 0) return { message: detail, line }
  }
  return { message: detail, line: undefined }
}

/** Where to underline an error: the text of its line (clamped to the source as it is now). */
export function markerRange(
  line: number,
  source: string,
): { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } {
  const lines = source.split(/\r\n|\r|\n/)
  const target = Math.min(Math.max(1, line), lines.length)
  const text = lines[target - 1] ?? ''
  const indent = text.length - text.trimStart().length
  const blank = text.trim() === ''
  return {
    startLineNumber: target,
    startColumn: blank ? 1 : indent + 1,
    endLineNumber: target,
    // A blank line still gets a visible mark one column wide.
    endColumn: blank ? 2 : text.trimEnd().length + 1,
  }
}
