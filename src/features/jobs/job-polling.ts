import { isActiveJob, type Job } from '@/api/jobs'

/** The part of a React Query `Query` a refetch interval looks at. */
interface PolledQuery<T> {
  state: { data: T | undefined; dataUpdatedAt: number }
}

interface BackoffState {
  dataUpdatedAt: number
  data: unknown
  interval: number
}

export const POLL_MIN_MS = 1_000
export const POLL_MAX_MS = 15_000

// Keyed by the query itself: the interval function is rebuilt on every render, the query is not.
const backoffByQuery = new WeakMap<object, BackoffState>()

/**
 * A refetchInterval for something that may still be running: 1 s, then doubling up to 15 s while
 * answers come back unchanged, back to 1 s when anything changes, and false (no polling at all)
 * once nothing is running. React Query keeps an unchanged answer as the same object, so identity
 * tells a change. Hidden tabs are paused by React Query itself (refetchIntervalInBackground false).
 */
export function backoffRefetchInterval<T>(
  isRunning: (data: T) => boolean,
  { min = POLL_MIN_MS, max = POLL_MAX_MS }: { min?: number; max?: number } = {},
) {
  return (query: PolledQuery<T>): number | false => {
    const { data, dataUpdatedAt } = query.state
    if (data === undefined || !isRunning(data)) {
      backoffByQuery.delete(query)
      return false
    }
    const state = backoffByQuery.get(query)
    if (!state) {
      backoffByQuery.set(query, { dataUpdatedAt, data, interval: min })
      return min
    }
    // Called several times per fetch (start, success, renders): only a new answer moves the interval.
    if (state.dataUpdatedAt !== dataUpdatedAt) {
      state.interval = state.data === data ? Math.min(state.interval * 2, max) : min
      state.dataUpdatedAt = dataUpdatedAt
      state.data = data
    }
    return state.interval
  }
}

/** Polls a job list while any job in it is unfinished. */
export const jobListRefetchInterval = backoffRefetchInterval<Job[]>((jobs) =>
  jobs.some(isActiveJob),
)

/** Polls one job while it is unfinished. */
export const jobRefetchInterval = backoffRefetchInterval<Job>(isActiveJob)
