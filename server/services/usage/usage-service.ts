import { HttpError } from '../../http/errors.ts'
import type { Db } from '../../storage/db.ts'
import {
  UsageRepository,
  type RunStart,
  type SlotSize,
  type TokenSums,
  type UsageGroupColumn,
} from '../../storage/usage-repository.ts'
import {
  bucketLabel,
  bucketStart,
  bucketStarts,
  isKnownTimeZone,
  localMidnight,
  type UsageBucket,
} from './time-buckets.ts'

export const USAGE_BUCKETS = ['hour', 'day'] as const
export const USAGE_GROUPINGS = ['model', 'agent'] as const
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number]

/** The longest range each bucket size may cover, in days: 744 hours or 366 days, one chart's worth. */
export const MAX_RANGE_DAYS: Record<UsageBucket, number> = { hour: 31, day: 366 }
export const MAX_TOP_RUNS = 100

export interface UsageQuery {
  start_date: string
  end_date: string
  time_zone?: string | undefined
  bucket?: string | undefined
  group_by?: string | undefined
  top_runs?: number | undefined
}

export type UsageFigures = TokenSums & { runs: number }

export interface UsageSummary {
  start_date: string
  end_date: string
  time_zone: string
  bucket: UsageBucket
  group_by: UsageGrouping
  totals: UsageFigures
  series: (UsageFigures & { start: string; label: string })[]
  groups: (UsageFigures & { key: string | null; name: string | null; series: number[] })[]
  models: (UsageFigures & { key: string | null })[]
  top_runs: (TokenSums & {
    run_id: string
    agent_id: string | null
    agent_name: string | null
    model: string | null
    started_at: string
  })[]
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const DAY_MS = 86_400_000

const emptyFigures = (): UsageFigures => ({
  prompt_tokens: 0,
  completion_tokens: 0,
  cached_tokens: 0,
  reasoning_tokens: 0,
  total_tokens: 0,
  steps: 0,
  runs: 0,
})

function addSums(target: TokenSums, sums: TokenSums): void {
  target.prompt_tokens += sums.prompt_tokens
  target.completion_tokens += sums.completion_tokens
  target.cached_tokens += sums.cached_tokens
  target.reasoning_tokens += sums.reasoning_tokens
  target.total_tokens += sums.total_tokens
  target.steps += sums.steps
}

/**
 * A date bound: a timestamp with its offset, or a calendar date in the time zone (`end_date` as a date
 * means the end of that day).
 */
function parseBound(name: string, value: string, timeZone: string, isEnd: boolean): number {
  const dateOnly = DATE_ONLY.exec(value)
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number]
    const check = new Date(Date.UTC(year, month - 1, day))
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      throw new HttpError(400, `${name} is not a real date: ${value}`)
    }
    const next = new Date(Date.UTC(year, month - 1, day + 1))
    return isEnd
      ? localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone)
      : localMidnight(year, month, day, timeZone)
  }
  const instant = DATE_TIME.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(instant)) {
    throw new HttpError(
      400,
      `${name} must be an ISO 8601 date (2026-03-01) or timestamp with offset (2026-03-01T00:00:00Z), not ${JSON.stringify(value)}`,
    )
  }
  return instant
}

/** Parses and checks a usage query, so that bad input is a 400 with a reason. */
export function resolveUsageQuery(query: UsageQuery) {
  const timeZone = query.time_zone ?? 'UTC'
  if (!isKnownTimeZone(timeZone)) {
    throw new HttpError(
      400,
      `Unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as Europe/Paris`,
    )
  }
  const bucket = query.bucket ?? 'day'
  if (!(USAGE_BUCKETS as readonly string[]).includes(bucket)) {
    throw new HttpError(400, `Unknown bucket ${JSON.stringify(bucket)}; use hour or day`)
  }
  const groupBy = query.group_by ?? 'model'
  if (!(USAGE_GROUPINGS as readonly string[]).includes(groupBy)) {
    throw new HttpError(400, `Unknown grouping ${JSON.stringify(groupBy)}; use model or agent`)
  }
  const start = parseBound('start_date', query.start_date, timeZone, false)
  const end = parseBound('end_date', query.end_date, timeZone, true)
  if (end <= start) throw new HttpError(400, 'end_date must be after start_date')
  const maxDays = MAX_RANGE_DAYS[bucket as UsageBucket]
  if (end - start > maxDays * DAY_MS) {
    throw new HttpError(400, `A range by ${bucket} may cover at most ${maxDays} days`)
  }
  return {
    start,
    end,
    timeZone,
    bucket: bucket as UsageBucket,
    groupBy: groupBy as UsageGrouping,
    topRuns: query.top_runs ?? 10,
  }
}

/** The slot a created_at falls in, as the repository names slots. */
function slotOf(createdAt: string, size: SlotSize): string {
  if (size === 'hour') return createdAt.slice(0, 13)
  const quarter = Math.floor(Number(createdAt.slice(14, 16)) / 15) * 15
  return `${createdAt.slice(0, 14)}${String(quarter).padStart(2, '0')}`
}

const slotInstant = (slot: string) => Date.parse(slot.length === 13 ? `${slot}:00Z` : `${slot}Z`)

/** Token, step and run sums for charts: by local hour or day, by model or agent, and the costliest runs. */
export class UsageService {
  private readonly usage: UsageRepository

  constructor(db: Db) {
    this.usage = new UsageRepository(db)
  }

  summary(query: UsageQuery): UsageSummary {
    const { start, end, timeZone, bucket, groupBy, topRuns } = resolveUsageQuery(query)
    const from = new Date(start).toISOString()
    const to = new Date(end).toISOString()
    const starts = bucketStarts(start, end, bucket, timeZone)
    const indexOfStart = new Map(starts.map((instant, index) => [instant, index]))
    const slotSize: SlotSize = starts.every((instant) => instant % 3_600_000 === 0)
      ? 'hour'
      : 'quarter'
    const column: UsageGroupColumn = groupBy === 'model' ? 'model' : 'agent_id'

    const bucketOf = new Map<string, number>()
    const bucketIndex = (slot: string) => {
      let index = bucketOf.get(slot)
      if (index === undefined) {
        index = indexOfStart.get(bucketStart(slotInstant(slot), bucket, timeZone)) ?? 0
        bucketOf.set(slot, index)
      }
      return index
    }
    const series = starts.map(() => emptyFigures())
    const totals = emptyFigures()
    const groups = new Map<string | null, UsageFigures & { series: number[] }>()
    const groupFor = (key: string | null) => {
      let group = groups.get(key)
      if (!group) {
        group = { ...emptyFigures(), series: starts.map(() => 0) }
        groups.set(key, group)
      }
      return group
    }

    for (const row of this.usage.slots(from, to, column, slotSize)) {
      const index = bucketIndex(row.slot)
      addSums(series[index] as UsageFigures, row)
      addSums(totals, row)
      const group = groupFor(row.key)
      addSums(group, row)
      group.series[index] = (group.series[index] ?? 0) + row.total_tokens
    }

    const runs = this.usage.runStarts(from, to)
    const modelRuns = new Map<string | null, number>()
    for (const run of runs) {
      const index = bucketIndex(slotOf(run.first_at, slotSize))
      ;(series[index] as UsageFigures).runs += 1
      totals.runs += 1
      groupFor(groupBy === 'model' ? run.model : run.agent_id).runs += 1
      modelRuns.set(run.model, (modelRuns.get(run.model) ?? 0) + 1)
    }
    const byTokens = (a: RunStart, b: RunStart) =>
      b.total_tokens - a.total_tokens || (a.run_id < b.run_id ? -1 : 1)
    const topIds = runs.sort(byTokens).slice(0, topRuns)
    const sums = new Map(
      this.usage
        .runSums(
          topIds.map((run) => run.run_id),
          from,
          to,
        )
        .map((run) => [run.run_id, run]),
    )
    const top = topIds.flatMap((run) => sums.get(run.run_id) ?? [])

    const agentIds = new Set<string>()
    if (groupBy === 'agent') for (const key of groups.keys()) if (key) agentIds.add(key)
    for (const run of top) if (run.agent_id) agentIds.add(run.agent_id)
    const names = this.usage.agentNames([...agentIds])

    const models =
      groupBy === 'model'
        ? [...groups].map(([key, group]) => ({ key, ...withoutSeries(group) }))
        : this.usage.models(from, to).map((row) => ({ ...row, runs: modelRuns.get(row.key) ?? 0 }))

    return {
      start_date: from,
      end_date: to,
      time_zone: timeZone,
      bucket,
      group_by: groupBy,
      totals,
      series: series.map((figures, index) => {
        const instant = starts[index] as number
        return {
          start: new Date(instant).toISOString(),
          label: bucketLabel(instant, bucket, timeZone),
          ...figures,
        }
      }),
      groups: [...groups]
        .map(([key, group]) => ({
          key,
          name: groupBy === 'agent' && key ? (names.get(key) ?? null) : key,
          ...group,
        }))
        .sort(byTotalThenKey),
      models: models.sort(byTotalThenKey),
      top_runs: top.map((run) => ({
        run_id: run.run_id,
        agent_id: run.agent_id,
        agent_name: run.agent_id ? (names.get(run.agent_id) ?? null) : null,
        model: run.model,
        started_at: run.first_at,
        prompt_tokens: run.prompt_tokens,
        completion_tokens: run.completion_tokens,
        cached_tokens: run.cached_tokens,
        reasoning_tokens: run.reasoning_tokens,
        total_tokens: run.total_tokens,
        steps: run.steps,
      })),
    }
  }
}

function withoutSeries(group: UsageFigures): UsageFigures {
  const { prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, total_tokens } = group
  return {
    prompt_tokens,
    completion_tokens,
    cached_tokens,
    reasoning_tokens,
    total_tokens,
    steps: group.steps,
    runs: group.runs,
  }
}

function byTotalThenKey(
  a: { total_tokens: number; key: string | null },
  b: { total_tokens: number; key: string | null },
): number {
  const keyA = a.key ?? ''
  const keyB = b.key ?? ''
  return b.total_tokens - a.total_tokens || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0)
}
