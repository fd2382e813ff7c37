import { z } from 'zod'

import { JOB_STATUSES, JOB_TYPES, type JobListFilters } from '@/api/jobs'

export const JOBS_PAGE_SIZE = 25

/** The /jobs page's URL: filters and the page cursor. A bad value falls back to none. */
export const jobsSearchSchema = z.object({
  status: z.enum(JOB_STATUSES).optional().catch(undefined),
  type: z.enum(JOB_TYPES).optional().catch(undefined),
  source: z.string().min(1).optional().catch(undefined),
  active: z.boolean().optional().catch(undefined),
  /** Show the page of jobs older than this one. */
  before: z.string().min(1).optional().catch(undefined),
  /** Show the page of jobs newer than this one. */
  after: z.string().min(1).optional().catch(undefined),
})

export type JobsSearch = z.infer<typeof jobsSearchSchema>

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
