import type { JobListFilters, JobStatus, JobType } from '@/api/jobs'
import { JOB_STATUSES, JOB_TYPES } from '@/api/values'
import { booleanOr, nonEmptyText, oneOf, withoutUndefined } from '@/lib/search-params'

export const JOBS_PAGE_SIZE = 25

/** The /jobs page's URL: filters and the page cursor. */
export interface JobsSearch {
  status?: JobStatus | undefined
  type?: JobType | undefined
  source?: string | undefined
  active?: boolean | undefined
  /** Show the page of jobs older than this one. */
  before?: string | undefined
  /** Show the page of jobs newer than this one. */
  after?: string | undefined
}

/** Reads the /jobs page's URL; a bad value falls back to none. */
export function parseJobsSearch(search: Record<string, unknown>): JobsSearch {
  return withoutUndefined({
    status: oneOf(search.status, JOB_STATUSES, undefined),
    type: oneOf(search.type, JOB_TYPES, undefined),
    source: nonEmptyText(search.source),
    active: booleanOr(search.active, undefined),
    before: nonEmptyText(search.before),
    after: nonEmptyText(search.after),
  })
}

/**
 * The list request for a page. One more job than a page is asked for, to tell whether another page
 * follows. A newer page is read oldest first from its cursor (so it starts right after it), then
 * shown newest first like every page.
 */
export function jobListFilters(search: JobsSearch): JobListFilters {
  return {
    status: search.status,
    jobType: search.type,
    sourceId: search.source,
    active: search.active || undefined,
    before: search.after ? undefined : search.before,
    after: search.after,
    order: search.after ? 'asc' : undefined,
    limit: JOBS_PAGE_SIZE + 1,
  }
}

export interface JobsPage<T> {
  rows: T[]
  hasOlder: boolean
  hasNewer: boolean
}

/** Cuts the answer to jobListFilters' request into the page shown, newest first. */
export function toJobsPage<T>(answer: readonly T[], search: JobsSearch): JobsPage<T> {
  const more = answer.length > JOBS_PAGE_SIZE
  if (search.after) {
    return {
      rows: answer.slice(0, JOBS_PAGE_SIZE).reverse(),
      hasNewer: more,
      hasOlder: true,
    }
  }
  return { rows: answer.slice(0, JOBS_PAGE_SIZE), hasOlder: more, hasNewer: Boolean(search.before) }
}

export const hasJobFilters = (search: JobsSearch) =>
  Boolean(search.status || search.type || search.source || search.active)
