import { createFileRoute } from '@tanstack/react-router'

import { runsQueryOptions } from '@/api/runs'
import { RouteErrorView } from '@/components/error-view'
import { RunsPage, RunsPageSkeleton } from '@/features/runs/runs-page'
import { parseRunsSearch, runListFilters } from '@/features/runs/runs-search'

export const Route = createFileRoute('/runs/')({
  validateSearch: parseRunsSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const loading = queryClient.ensureQueryData(runsQueryOptions(runListFilters(deps)))
    // A filter change keeps the page while the new rows load; the table shows their error, if any.
    if (cause === 'stay') void loading.catch(() => undefined)
    else await loading
  },
  pendingComponent: RunsPageSkeleton,
  component: RunsPage,
  errorComponent: RouteErrorView,
})
