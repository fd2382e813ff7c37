import { createFileRoute } from '@tanstack/react-router'

import { batchQueryOptions } from '@/api/batches'
import { RouteErrorView } from '@/components/error-view'
import { BatchPage, BatchPageSkeleton } from '@/features/batches/batch-page'
import { parseBatchSearch } from '@/features/batches/batch-search'

export const Route = createFileRoute('/batches/$batchId')({
  validateSearch: parseBatchSearch,
  loader: ({ context: { queryClient }, params: { batchId } }) =>
    queryClient.ensureQueryData(batchQueryOptions(batchId)),
  component: BatchPage,
  pendingComponent: BatchPageSkeleton,
  errorComponent: RouteErrorView,
})
