/** The span of time a /usage search covers, worked out in the browser's time zone. */
import { localMidnight, localParts, type UsageBucket } from './time-buckets'
import type { UsageGrouping, UsageRequest } from './usage-from-steps'
import type { UsageRange, UsageSearch } from './usage-search'

export const RANGE_LABELS: Record<UsageRange, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom dates',
}

/** The longest range each bucket may cover, as the server allows. */
export const MAX_DAYS: Record<UsageBucket, number> = { hour: 31, day: 366 }
export const TOP_RUNS = 10

export type ResolvedUsage = { ok: true; request: UsageRequest } | { ok: false; problem: string }

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** The browser's IANA time zone, which buckets follow. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

function shiftDate(date: { year: number; month: number; day: number }, days: number) {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  }
}

function parseDate(value: string) {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const check = new Date(Date.UTC(year, month - 1, day))
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? { year, month, day }
    : undefined
}

const midnight = (date: { year: number; month: number; day: number }, timeZone: string) =>
  localMidnight(date.year, date.month, date.day, timeZone)

/**
 * The instants a search covers. Presets end at the end of the current hour or day, so the request
 * (and its cache entry) stays the same while the user looks at it.
 */
export function resolveUsageSearch(
  search: UsageSearch,
  now: number,
  timeZone: string,
): ResolvedUsage {
  const groupBy: UsageGrouping = search.group
  let start: number
  let end: number
  if (search.range === '24h') {
    end = now - (now % HOUR_MS) + HOUR_MS
    start = end - 24 * HOUR_MS
  } else if (search.range === 'custom') {
    const from = search.from && parseDate(search.from)
    const to = search.to && parseDate(search.to)
    if (!from || !to) return { ok: false, problem: 'Choose a start and an end date.' }
    start = midnight(from, timeZone)
    end = midnight(shiftDate(to, 1), timeZone)
    if (end <= start)
      return { ok: false, problem: 'The end date must not be before the start date.' }
  } else {
    const days = Number(search.range.slice(0, -1))
    const today = localParts(now, timeZone)
    start = midnight(shiftDate(today, 1 - days), timeZone)
    end = midnight(shiftDate(today, 1), timeZone)
  }
  const fitsHours = end - start <= MAX_DAYS.hour * DAY_MS
  const bucket: UsageBucket =
    search.bucket === 'hour' && fitsHours
      ? 'hour'
      : search.bucket === undefined && end - start <= 2 * DAY_MS
        ? 'hour'
        : 'day'
  if (end - start > MAX_DAYS.day * DAY_MS) {
    return { ok: false, problem: `A range may cover at most ${MAX_DAYS.day} days.` }
  }
  return { ok: true, request: { start, end, timeZone, bucket, groupBy, topRuns: TOP_RUNS } }
}

/** Whether hourly buckets are offered for the search's range. */
export const hoursAllowed = (request: UsageRequest) =>
  request.end - request.start <= MAX_DAYS.hour * DAY_MS
