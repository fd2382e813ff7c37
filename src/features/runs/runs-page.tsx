import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type * as React from 'react'

import { agentsQueryOptions } from '@/api/agents'
import { isActiveRun, runsQueryOptions, type Run } from '@/api/runs'
import {
  ActivityIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  RefreshCwIcon,
  SearchXIcon,
} from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { useNow } from '@/lib/use-now'
import { cn } from '@/lib/utils'

import { RunsFilters } from './runs-filters'
import { hasRunFilters, runListFilters, toRunsPage } from './runs-search'
import { RunsTable, RunsTableSkeleton } from './runs-table'

const routeApi = getRouteApi('/runs/')

const DESCRIPTION = 'Each message sent to an agent starts a run: its model calls, tools and reply.'

/** While a run on the page is going, the list asks again every few seconds; otherwise never. */
const ACTIVE_REFRESH_MS = 2_000

/** Agent names by id, for the table and the agent filter. */
function useAgentNames(): ReadonlyMap<string, string> {
  const agents = useQuery({
    ...agentsQueryOptions({ search: '' }),
    select: (list) => new Map(list.map((agent) => [agent.id, agent.name])),
  })
  return agents.data ?? new Map()
}

export function RunsPageSkeleton() {
  return (
    <>
      <PageHeader title="Runs" description={DESCRIPTION} />
      <div className="mb-4 h-9" />
      <RunsTableSkeleton />
    </>
  )
}

export function RunsPage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const runs = useQuery({
    ...runsQueryOptions(runListFilters(search)),
    refetchInterval: (query) =>
      (query.state.data as Run[] | undefined)?.some(isActiveRun) ? ACTIVE_REFRESH_MS : false,
    refetchIntervalInBackground: false,
  })
  const agentNames = useAgentNames()
  const page = runs.data ? toRunsPage(runs.data, search) : undefined
  const now = useNow(page?.rows.some(isActiveRun) ? 1_000 : null)
  const filtered = hasRunFilters(search)

  const goTo = (cursor: { before?: string; after?: string }) =>
    void navigate({
      search: (previous) => ({ ...previous, before: undefined, after: undefined, ...cursor }),
    })

  let body: React.ReactNode
  if (runs.isPending) {
    body = <RunsTableSkeleton />
  } else if (runs.isError) {
    body = (
      <LoadErrorMessage
        title="Could not load runs"
        error={runs.error}
        onRetry={() => void runs.refetch()}
        className="min-h-64"
      />
    )
  } else if (!page || page.rows.length === 0) {
    body = filtered ? (
      <StateMessage icon={SearchXIcon} title="No runs match these filters" className="min-h-64">
        <Button variant="outline" onClick={() => void navigate({ search: {} })}>
          Clear filters
        </Button>
      </StateMessage>
    ) : (
      <StateMessage icon={ActivityIcon} title="No runs yet" className="min-h-64">
        <p className="max-w-md text-sm text-muted-foreground">
          A run starts when an agent is sent a message, from its page or through the API.
        </p>
      </StateMessage>
    )
  } else {
    body = <RunsTable runs={page.rows} now={now} agentNames={agentNames} />
  }

  const paged = Boolean(search.before || search.after)
  return (
    <>
      <PageHeader
        title="Runs"
        description={DESCRIPTION}
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={() => void runs.refetch()}
            disabled={runs.isFetching}
          >
            <Icon node={RefreshCwIcon} className={cn(runs.isFetching && 'animate-spin')} />
            Refresh
          </Button>
        }
      />
      <RunsFilters
        search={search}
        agentNames={agentNames}
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
