import { createFileRoute } from '@tanstack/react-router'

import { sourcesQueryOptions } from '@/api/sources'
import { RouteErrorView } from '@/components/error-view'
import { SourcesPage, SourcesPageSkeleton } from '@/features/sources/sources-page'

export const Route = createFileRoute('/sources/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(sourcesQueryOptions()),
  component: SourcesPage,
  pendingComponent: SourcesPageSkeleton,
  errorComponent: RouteErrorView,
})
