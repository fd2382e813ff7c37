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

/** Milliseconds as people read them: "850 ms", "4.2 s", "3 min 5 s"; "—" for none. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
}
