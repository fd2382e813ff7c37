import { createFileRoute } from '@tanstack/react-router'

import { batchesQueryOptions } from '@/api/batches'
import { RouteErrorView } from '@/components/error-view'
import { BatchesPage, BatchesPageSkeleton } from '@/features/batches/batches-page'

export const Route = createFileRoute('/batches/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(batchesQueryOptions()),
  component: BatchesPage,
  pendingComponent: BatchesPageSkeleton,
  errorComponent: RouteErrorView,
})
