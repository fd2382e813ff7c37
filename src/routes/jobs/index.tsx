import { createFileRoute } from '@tanstack/react-router'

import { jobsQueryOptions } from '@/api/jobs'
import { RouteErrorView } from '@/components/error-view'
import { JobsPage, JobsPageSkeleton } from '@/features/jobs/jobs-page'
import { jobListFilters, parseJobsSearch } from '@/features/jobs/jobs-search'

export const Route = createFileRoute('/jobs/')({
  validateSearch: parseJobsSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const loading = queryClient.ensureQueryData(jobsQueryOptions(jobListFilters(deps)))
    // A filter change keeps the page while the new rows load; the table shows their error, if any.
    if (cause === 'stay') void loading.catch(() => undefined)
    else await loading
  },
  pendingComponent: JobsPageSkeleton,
  component: JobsPage,
  errorComponent: RouteErrorView,
})
