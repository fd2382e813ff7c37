import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type * as React from 'react'

import { agentsQueryOptions } from '@/api/agents'
import { DebouncedSearchInput } from '@/components/debounced-search-input'
import { BotIcon, PlusIcon, SearchXIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'

import { AgentsTable } from './agents-table'
import { CreateAgentDialog } from './create-agent-dialog'

const routeApi = getRouteApi('/agents/')

const DESCRIPTION =
  'Agents answer messages with a model, keep what they learn in memory blocks, and call tools.'

const createButton = (
  <CreateAgentDialog>
    <Button>
      <Icon node={PlusIcon} />
      New agent
    </Button>
  </CreateAgentDialog>
)

export function AgentsPageSkeleton() {
  return (
    <>
      <PageHeader title="Agents" description={DESCRIPTION} />
      <div className="grid gap-2" aria-busy="true" aria-label="Loading agents">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-10 w-full" />
        ))}
      </div>
    </>
  )
}

export function AgentsPage() {
  const { q } = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const agents = useQuery(agentsQueryOptions({ search: q }))

  let body: React.ReactNode
  if (agents.isPending) {
    body = <Skeleton className="h-40 w-full" />
  } else if (agents.isError) {
    body = (
      <LoadErrorMessage
        title="Could not load agents"
        error={agents.error}
        onRetry={() => void agents.refetch()}
        className="min-h-64"
      />
    )
  } else if (agents.data.length === 0) {
    body = q ? (
      <StateMessage icon={SearchXIcon} title="No agents match" className="min-h-64">
        <Button variant="outline" onClick={() => void navigate({ search: { q: '' } })}>
          Clear the search
        </Button>
      </StateMessage>
    ) : (
      <StateMessage icon={BotIcon} title="No agents yet" className="min-h-64">
        <p className="max-w-md text-sm text-muted-foreground">
          Create an agent, give it memory blocks and tools, then talk to it from its page.
        </p>
        {createButton}
      </StateMessage>
    )
  } else {
    body = <AgentsTable agents={agents.data} />
  }

  return (
    <>
      <PageHeader title="Agents" description={DESCRIPTION} actions={createButton} />
      <div className="mb-4 max-w-sm">
        <DebouncedSearchInput
          value={q}
          onCommit={(text) => void navigate({ search: { q: text }, replace: true })}
          placeholder="Search names and descriptions"
          aria-label="Search agents"
          maxLength={255}
        />
      </div>
      {body}
    </>
  )
}
