import { createFileRoute, notFound } from '@tanstack/react-router'

import { ApiError } from '@/api/client'
import { jobQueryOptions } from '@/api/jobs'
import { RouteErrorView } from '@/components/error-view'
import { JobDetailPage, JobDetailSkeleton, JobNotFound } from '@/features/jobs/job-detail-page'

export const Route = createFileRoute('/jobs/$jobId')({
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(jobQueryOptions(params.jobId))
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound()
      throw error
    }
  },
  pendingComponent: JobDetailSkeleton,
  errorComponent: RouteErrorView,
  notFoundComponent: JobNotFound,
  component: JobDetailPage,
})
