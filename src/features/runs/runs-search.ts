import { RUN_STATUSES, STOP_REASONS, type Run, type RunListFilters } from '@/api/runs'
import { z } from '@/lib/zod'

export const RUNS_PAGE_SIZE = 25

/** The /runs page's URL: filters and the page cursor. A bad value falls back to none. */
export const runsSearchSchema = z.object({
  status: z.enum(RUN_STATUSES).optional().catch(undefined),
  agent: z.string().min(1).max(100).optional().catch(undefined),
  stop: z.enum(STOP_REASONS).optional().catch(undefined),
  /** Show the page of runs older than this one. */
  before: z.string().min(1).max(100).optional().catch(undefined),
  /** Show the page of runs newer than this one. */
  after: z.string().min(1).max(100).optional().catch(undefined),
})

export type RunsSearch = z.infer<typeof runsSearchSchema>

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
