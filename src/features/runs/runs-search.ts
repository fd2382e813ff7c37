import type { Run, RunListFilters, RunStatus, StopReason } from '@/api/runs'
import { RUN_STATUSES, STOP_REASONS } from '@/api/values'
import { nonEmptyText, oneOf, searchValidator, withoutUndefined } from '@/lib/search-params'

export const RUNS_PAGE_SIZE = 25

/** The /runs page's URL: filters and the page cursor. */
export interface RunsSearch {
  status?: RunStatus | undefined
  agent?: string | undefined
  stop?: StopReason | undefined
  /** Show the page of runs older than this one. */
  before?: string | undefined
  /** Show the page of runs newer than this one. */
  after?: string | undefined
}

/** Reads the /runs page's URL; a bad value falls back to none. */
export const readRunsSearch = (search: Record<string, unknown>): RunsSearch =>
  withoutUndefined({
    status: oneOf(search.status, RUN_STATUSES, undefined),
    agent: nonEmptyText(search.agent, 100),
    stop: oneOf(search.stop, STOP_REASONS, undefined),
    before: nonEmptyText(search.before, 100),
    after: nonEmptyText(search.after, 100),
  })

export const parseRunsSearch = searchValidator(readRunsSearch)

/**
 * The list request for a page: one run more than a page, to tell whether another follows. A newer
 * page is read oldest first from its cursor, then shown newest first like every page.
 */
export function runListFilters(search: RunsSearch): RunListFilters {
  return {
    agentId: search.agent,
    statuses: search.status ? [search.status] : undefined,
    stopReason: search.stop,
    before: search.after ? undefined : search.before,
    after: search.after,
    order: search.after ? 'asc' : 'desc',
    limit: RUNS_PAGE_SIZE + 1,
  }
}

export interface RunsPage {
  rows: Run[]
  hasOlder: boolean
  hasNewer: boolean
}

/** Cuts the answer to runListFilters' request into the page shown, newest first. */
export function toRunsPage(answer: readonly Run[], search: RunsSearch): RunsPage {
  const more = answer.length > RUNS_PAGE_SIZE
  if (search.after) {
    return { rows: answer.slice(0, RUNS_PAGE_SIZE).reverse(), hasNewer: more, hasOlder: true }
  }
  return { rows: answer.slice(0, RUNS_PAGE_SIZE), hasOlder: more, hasNewer: Boolean(search.before) }
}

export const hasRunFilters = (search: RunsSearch) =>
  Boolean(search.status || search.agent || search.stop)

/** How long a run took, or has taken so far while it runs. */
export function runDurationMs(run: Run, now: number): number | null {
  const started = Date.parse(run.created_at)
  if (Number.isNaN(started)) return null
  if (run.completed_at) {
    const ended = Date.parse(run.completed_at)
    return Number.isNaN(ended) ? null : Math.max(0, ended - started)
  }
  if (run.total_duration_ns !== null) return run.total_duration_ns / 1e6
  return run.status === 'created' || run.status === 'running' ? Math.max(0, now - started) : null
}
