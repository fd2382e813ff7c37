import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type * as React from 'react'

import { isActiveJob, jobsQueryOptions } from '@/api/jobs'
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  ListChecksIcon,
  RefreshCwIcon,
  SearchXIcon,
} from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { useNow } from '@/lib/use-now'
import { cn } from '@/lib/utils'

import { jobListRefetchInterval } from './job-polling'
import { JobsFilters } from './jobs-filters'
import { hasJobFilters, jobListFilters, toJobsPage } from './jobs-search'
import { JobsTable, JobsTableSkeleton } from './jobs-table'
import { useSourceNames } from './use-source-names'

const routeApi = getRouteApi('/jobs/')

const DESCRIPTION =
  'Background work on this server: uploaded files being parsed and embedded, message batches.'

export function JobsPageSkeleton() {
  return (
    <>
      <PageHeader title="Jobs" description={DESCRIPTION} />
      <div className="mb-4 h-9" />
      <JobsTableSkeleton />
    </>
  )
}

export function JobsPage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const jobs = useQuery({
    ...jobsQueryOptions(jobListFilters(search)),
    refetchInterval: jobListRefetchInterval,
    refetchIntervalInBackground: false,
  })
  const { names, loaded } = useSourceNames()
  const page = jobs.data ? toJobsPage(jobs.data, search) : undefined
  const anyActive = page?.rows.some(isActiveJob) ?? false
  // Running durations tick on screen without asking the server anything.
  const now = useNow(anyActive ? 1_000 : null)
  const filtered = hasJobFilters(search)

  const goTo = (cursor: { before?: string; after?: string }) =>
    void navigate({
      search: (previous) => ({ ...previous, before: undefined, after: undefined, ...cursor }),
    })

  let body: React.ReactNode
  if (jobs.isPending) {
    body = <JobsTableSkeleton />
  } else if (jobs.isError) {
    body = (
      <LoadErrorMessage
        title="Could not load jobs"
        error={jobs.error}
        onRetry={() => void jobs.refetch()}
        className="min-h-64"
      />
    )
  } else if (!page || page.rows.length === 0) {
    body = filtered ? (
      <StateMessage icon={SearchXIcon} title="No jobs match these filters" className="min-h-64">
        <Button variant="outline" onClick={() => void navigate({ search: {} })}>
          Clear filters
        </Button>
      </StateMessage>
    ) : (
      <StateMessage icon={ListChecksIcon} title="No jobs yet" className="min-h-64">
        <p className="max-w-md text-sm text-muted-foreground">
          A job starts when a file is uploaded to a source; it appears here while the file is parsed
          and embedded.
        </p>
      </StateMessage>
    )
  } else {
    body = <JobsTable jobs={page.rows} now={now} sourceNames={names} sourcesLoaded={loaded} />
  }

  const paged = Boolean(search.before || search.after)
  return (
    <>
      <PageHeader
        title="Jobs"
        description={DESCRIPTION}
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={() => void jobs.refetch()}
            disabled={jobs.isFetching}
          >
            <Icon node={RefreshCwIcon} className={cn(jobs.isFetching && 'animate-spin')} />
            Refresh
          </Button>
        }
      />
      <JobsFilters
        search={search}
        sourceNames={names}
        onChange={(patch) =>
          void navigate({
            search: (previous) => ({ ...previous, ...patch, before: undefined, after: undefined }),
          })
        }
      />
      {body}
      {page && (page.hasOlder || page.hasNewer || paged) && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-2">
          {paged && (
            <Button variant="ghost" size="sm" onClick={() => goTo({})}>
              <Icon node={ChevronsLeftIcon} />
              Newest
            </Button>
          )}
          <Button
            variant="outline"
            size="sm"
            disabled={!page.hasNewer || !page.rows[0]}
            onClick={() => goTo({ after: page.rows[0]?.id })}
          >
            <Icon node={ChevronLeftIcon} />
            Newer
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!page.hasOlder || !page.rows.at(-1)}
            onClick={() => goTo({ before: page.rows.at(-1)?.id })}
          >
            Older
            <Icon node={ChevronRightIcon} />
          </Button>
        </nav>
      )}
    </>
  )
}
