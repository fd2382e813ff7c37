import { createFileRoute } from '@tanstack/react-router'

import { runQueryOptions } from '@/api/runs'
import { RouteErrorView } from '@/components/error-view'
import { RunDetailPage, RunDetailSkeleton } from '@/features/runs/run-detail-page'

export const Route = createFileRoute('/runs/$runId')({
  loader: ({ context: { queryClient }, params: { runId } }) =>
    queryClient.ensureQueryData(runQueryOptions(runId)),
  component: RunDetailPage,
  pendingComponent: RunDetailSkeleton,
  errorComponent: RouteErrorView,
})
