/** Wall-clock buckets (local hours or days) in an IANA time zone, as UTC instants; the server sums by the same rules. */

export type UsageBucket = 'hour' | 'day'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Whether the runtime knows this IANA zone name (`UTC`, `Europe/Paris`, ...). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    localParts(0, timeZone)
    return true
  } catch {
    return false
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** The zone's offset from UTC at that instant, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const local = localParts(instant, timeZone)
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  )
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

/** The instant a local date's midnight falls on; a midnight skipped by a DST change gives the first local time after it. */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day)
  let instant = wall - offsetAt(wall, timeZone)
  // A second pass settles instants whose offset differs from the guess's (near a DST change).
  instant = wall - offsetAt(instant, timeZone)
  const local = localParts(instant, timeZone)
  if (local.day !== day) instant += HOUR_MS - (local.minute * 60_000 + local.second * 1000)
  return instant
}

/** The start of the local hour or day that contains the instant. */
export function bucketStart(instant: number, bucket: UsageBucket, timeZone: string): number {
  const local = localParts(instant, timeZone)
  if (bucket === 'hour')
    return instant - (local.minute * 60_000 + local.second * 1000) - (instant % 1000)
  return localMidnight(local.year, local.month, local.day, timeZone)
}

/** Every bucket that overlaps [start, end): their start instants, in order. */
export function bucketStarts(
  start: number,
  end: number,
  bucket: UsageBucket,
  timeZone: string,
): number[] {
  const starts: number[] = []
  let current = bucketStart(start, bucket, timeZone)
  while (current < end) {
    starts.push(current)
    // Stepping past the boundary and flooring again follows days of 23 or 25 hours and odd offsets.
    const step = bucket === 'hour' ? HOUR_MS + HOUR_MS / 2 : DAY_MS + 2 * HOUR_MS
    const next = bucketStart(current + step, bucket, timeZone)
    current = next > current ? next : current + HOUR_MS
  }
  return starts
}

/** A bucket's name in the zone: `2026-03-29` for a day, `2026-03-29 14:00` for an hour. */
export function bucketLabel(instant: number, bucket: UsageBucket, timeZone: string): string {
  const local = localParts(instant, timeZone)
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`
  return bucket === 'day' ? date : `${date} ${pad(local.hour)}:${pad(local.minute)}`
}

const pad = (value: number) => String(value).padStart(2, '0')
