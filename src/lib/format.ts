const timestampFormats = {
  short: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  medium: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
}

/**
 * A server timestamp in the reader's locale ('medium' shows seconds); "—" when the server sent
 * none or nonsense.
 */
export function formatTimestamp(
  iso: string | null | undefined,
  time: keyof typeof timestampFormats,
): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '—' : timestampFormats[time].format(date)
}
