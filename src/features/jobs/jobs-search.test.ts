import { describe, expect, it } from 'vitest'

import { jobListFilters, JOBS_PAGE_SIZE, parseJobsSearch, toJobsPage } from './jobs-search'

describe('parseJobsSearch', () => {
  it('keeps good values and drops bad ones', () => {
    expect(
      parseJobsSearch({
        status: 'running',
        type: 'batch',
        source: 'source-1',
        active: true,
      }),
    ).toEqual({ status: 'running', type: 'batch', source: 'source-1', active: true })
    expect(
      parseJobsSearch({ status: 'sleeping', type: 7, source: '', active: 'yes', before: 3 }),
    ).toEqual({})
  })
})

describe('paging', () => {
  const ids = Array.from({ length: JOBS_PAGE_SIZE + 1 }, (_, index) => `job-${index}`)

  it('asks for one more than a page, newest first, and tells whether older jobs follow', () => {
    expect(jobListFilters({})).toMatchObject({ limit: JOBS_PAGE_SIZE + 1, order: undefined })
    const first = toJobsPage(ids, {})
    expect(first.rows).toHaveLength(JOBS_PAGE_SIZE)
    expect(first).toMatchObject({ hasOlder: true, hasNewer: false })
    expect(toJobsPage(ids.slice(0, 3), {})).toMatchObject({ hasOlder: false, hasNewer: false })
  })

  it('pages older with before, and knows newer jobs exist', () => {
    expect(jobListFilters({ before: 'job-9' })).toMatchObject({ before: 'job-9', after: undefined })
    expect(toJobsPage(ids.slice(0, 2), { before: 'job-9' })).toMatchObject({
      rows: ['job-0', 'job-1'],
      hasOlder: false,
      hasNewer: true,
    })
  })

  it('reads a newer page oldest first from its cursor and shows it newest first', () => {
    expect(jobListFilters({ after: 'job-3', active: false })).toMatchObject({
      after: 'job-3',
      order: 'asc',
      active: undefined,
    })
    const page = toJobsPage(['job-4', 'job-5', 'job-6'], { after: 'job-3' })
    expect(page).toEqual({ rows: ['job-6', 'job-5', 'job-4'], hasNewer: false, hasOlder: true })
    expect(toJobsPage(ids, { after: 'job-x' }).hasNewer).toBe(true)
  })
})
