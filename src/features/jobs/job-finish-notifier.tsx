import { useQueries } from '@tanstack/react-query'
import { useRouter, useRouterState } from '@tanstack/react-router'
import { useEffect } from 'react'

import { ApiError } from '@/api/client'
import { isActiveJob, jobQueryOptions, type Job } from '@/api/jobs'
import { buttonVariants } from '@/components/ui/button'
import { toast } from '@/lib/toast'
import { getTrackedJobs, untrackJob, useTrackedJobs, type TrackedJob } from '@/lib/tracked-jobs'

import { jobError } from './job-format'
import { jobRefetchInterval } from './job-polling'

export interface FinishNotice {
  tone: 'success' | 'error' | 'info'
  message: string
  /** Where the toast's link goes: the result for a success, the job for anything else. */
  href: string
}

/** What to tell the user about a tracked job that has finished. */
export function finishNotice(tracked: TrackedJob, job: Job): FinishNotice {
  const jobPage = `/jobs/${job.id}`
  switch (job.status) {
    case 'completed':
      return {
        tone: 'success',
        message: `${tracked.label} completed`,
        href: tracked.href ?? jobPage,
      }
    case 'failed': {
      const reason = jobError(job)
      return {
        tone: 'error',
        message: reason ? `${tracked.label} failed: ${reason}` : `${tracked.label} failed`,
        href: jobPage,
      }
    }
    case 'cancelled':
      return { tone: 'info', message: `${tracked.label} was cancelled`, href: jobPage }
    default:
      return { tone: 'info', message: `${tracked.label} ended: ${job.status}`, href: jobPage }
  }
}

interface Outcome {
  job: Job | undefined
  /** The server no longer has the job. */
  gone: boolean
}

function toOutcomes(results: { data?: Job | undefined; error: Error | null }[]): Outcome[] {
  return results.map((result) => ({
    job: result.data,
    gone: result.error instanceof ApiError && result.error.status === 404,
  }))
}

const samePath = (a: string, b: string | undefined) =>
  b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '')

/**
 * Watches the jobs this browser started (uploads, batches) and, when one finishes while the user is
 * elsewhere, says so in a toast with a link. Each is polled only while it runs, more slowly as
 * nothing changes, and not at all while the tab is hidden.
 */
export function JobFinishNotifier() {
  const tracked = useTrackedJobs()
  const router = useRouter()
  const pathname = useRouterState({ select: (state) => state.location.pathname })
  const outcomes = useQueries({
    queries: tracked.map((job) => ({
      ...jobQueryOptions(job.id),
      refetchInterval: jobRefetchInterval,
      refetchIntervalInBackground: false,
    })),
    combine: toOutcomes,
  })

  useEffect(() => {
    tracked.forEach((trackedJob, index) => {
      const outcome = outcomes[index]
      if (!outcome) return
      // Deleted on the server: nothing left to wait for.
      if (outcome.gone) {
        untrackJob(trackedJob.id)
        return
      }
      const { job } = outcome
      if (!job || isActiveJob(job)) return
      // Read the store itself: an earlier run of this effect may already have told the user.
      if (!getTrackedJobs().some((entry) => entry.id === trackedJob.id)) return
      untrackJob(trackedJob.id)
      if (samePath(pathname, `/jobs/${job.id}`) || samePath(pathname, trackedJob.href)) return
      const notice = finishNotice(trackedJob, job)
      const show =
        notice.tone === 'success'
          ? toast.success
          : notice.tone === 'error'
            ? toast.error
            : toast.info
      show(notice.message, {
        id: `job-finished-${job.id}`,
        duration: notice.tone === 'error' ? 15_000 : 8_000,
        action: (
          <a
            href={notice.href}
            className={buttonVariants({ variant: 'outline', size: 'sm', className: 'ml-auto' })}
            onClick={(event) => {
              // A plain click stays in the app; a middle or modified click opens a tab as usual.
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
              event.preventDefault()
              toast.dismiss(`job-finished-${job.id}`)
              void router.navigate({ href: notice.href })
            }}
          >
            View
          </a>
        ),
      })
    })
  }, [tracked, outcomes, pathname, router])

  return null
}
