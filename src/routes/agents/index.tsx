import { createFileRoute } from '@tanstack/react-router'

import { agentsQueryOptions } from '@/api/agents'
import { RouteErrorView } from '@/components/error-view'
import { AgentsPage, AgentsPageSkeleton } from '@/features/agents/agents-page'
import { parseAgentsSearch } from '@/features/agents/agents-search'

export const Route = createFileRoute('/agents/')({
  validateSearch: parseAgentsSearch,
  loaderDeps: ({ search }) => ({ q: search.q }),
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const loading = queryClient.ensureQueryData(agentsQueryOptions({ search: deps.q }))
    // A new search keeps the page while the rows load; the page shows their error, if any.
    if (cause === 'stay') void loading.catch(() => undefined)
    else await loading
  },
  component: AgentsPage,
  pendingComponent: AgentsPageSkeleton,
  errorComponent: RouteErrorView,
})
