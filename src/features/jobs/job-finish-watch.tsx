import { lazy, Suspense } from 'react'

import { useTrackedJobs } from '@/lib/tracked-jobs'

const JobFinishNotifier = lazy(() =>
  import('./job-finish-notifier').then((module) => ({ default: module.JobFinishNotifier })),
)

/**
 * The job finish notifier, loaded once this browser tracks a job: most visits start none, and
 * their first page need not carry the polling and the messages.
 */
export function JobFinishWatch() {
  const tracked = useTrackedJobs()
  if (tracked.length === 0) return null
  return (
    <Suspense fallback={null}>
      <JobFinishNotifier />
    </Suspense>
  )
}
