import {
  queryOptions,
  useMutation,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, call, type ApiError } from './client'
import type { components } from './generated/schema'

export { JOB_STATUSES, JOB_TYPES } from './values'

export type Job = components['schemas']['Job']
export type JobStatus = components['schemas']['JobStatus']
export type JobType = components['schemas']['JobType']

/** Unfinished statuses; `not_started` is the user's document's name for a job that has not run yet. */
export const ACTIVE_JOB_STATUSES: readonly string[] = [
  'created',
  'pending',
  'running',
  'not_started',
] satisfies readonly (JobStatus | 'not_started')[]

/** Whether the job has not finished yet; unknown statuses count as finished, so nothing polls forever. */
export function isActiveJob(job: Pick<Job, 'status'>): boolean {
  return ACTIVE_JOB_STATUSES.includes(job.status)
}

export interface JobListFilters {
  status?: JobStatus | undefined
  jobType?: JobType | undefined
  sourceId?: string | undefined
  /** Only unfinished jobs, from /v1/jobs/active. */
  active?: boolean | undefined
  before?: string | undefined
  after?: string | undefined
  order?: 'asc' | 'desc' | undefined
  limit?: number | undefined
}

export const jobsKeys = {
  all: ['jobs'] as const,
  list: (filters: JobListFilters) => ['jobs', 'list', filters] as const,
  detail: (jobId: string) => ['jobs', jobId] as const,
}

export const jobsQueryOptions = (filters: JobListFilters) =>
  queryOptions({
    queryKey: jobsKeys.list(filters),
    queryFn: ({ signal }) => {
      const query = {
        status: filters.status ? [filters.status] : undefined,
        job_type: filters.jobType,
        source_id: filters.sourceId,
        before: filters.before,
        after: filters.after,
        order: filters.order,
        limit: filters.limit,
      }
      return filters.active
        ? call(() => api.GET('/v1/jobs/active', { params: { query }, signal }))
        : call(() => api.GET('/v1/jobs', { params: { query }, signal }))
    },
  })

export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.detail(jobId),
    queryFn: ({ signal }) =>
      call(() => api.GET('/v1/jobs/{job_id}', { params: { path: { job_id: jobId } }, signal })),
  })

type JobMutationOptions = Pick<UseMutationOptions<Job, ApiError, string>, 'onSuccess' | 'onError'>

export function useCancelJob(options: JobMutationOptions = {}) {
  const queryClient = useQueryClient()
  return useMutation<Job, ApiError, string>({
    mutationFn: (jobId) =>
      call(() => api.PATCH('/v1/jobs/{job_id}/cancel', { params: { path: { job_id: jobId } } })),
    ...options,
    onSuccess: async (job, jobId, onMutateResult, context) => {
      queryClient.setQueryData(jobsKeys.detail(jobId), job)
      await queryClient.invalidateQueries({ queryKey: jobsKeys.all })
      await options.onSuccess?.(job, jobId, onMutateResult, context)
    },
  })
}

export function useDeleteJob(options: JobMutationOptions = {}) {
  const queryClient = useQueryClient()
  return useMutation<Job, ApiError, string>({
    mutationFn: (jobId) =>
      call(() => api.DELETE('/v1/jobs/{job_id}', { params: { path: { job_id: jobId } } })),
    ...options,
    onSuccess: async (job, jobId, onMutateResult, context) => {
      // Dropped rather than refetched: the page showing it would flash a 404 before it leaves.
      queryClient.removeQueries({ queryKey: jobsKeys.detail(jobId), exact: true })
      await options.onSuccess?.(job, jobId, onMutateResult, context)
      await queryClient.invalidateQueries({ queryKey: jobsKeys.all })
    },
  })
}
