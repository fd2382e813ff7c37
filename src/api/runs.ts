import { queryOptions } from '@tanstack/react-query'

import { api, call, type AsReceived } from './client'
import type { components } from './generated/schema'

export { RUN_STATUSES, STOP_REASONS } from './values'

export type Run = AsReceived<components['schemas']['Run']>
export type RunStatus = components['schemas']['RunStatus']
export type Step = AsReceived<components['schemas']['Step']>
export type RunUsage = AsReceived<components['schemas']['UsageStatistics']>

export type StopReason = NonNullable<components['schemas']['StopReasonType']>

/** The statuses of a run that has not finished. */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['created', 'running']
export const isActiveRun = (run: Pick<Run, 'status'>) => ACTIVE_RUN_STATUSES.includes(run.status)

export interface RunListFilters {
  agentId?: string | undefined
  statuses?: RunStatus[] | undefined
  stopReason?: StopReason | undefined
  before?: string | undefined
  after?: string | undefined
  order?: 'asc' | 'desc' | undefined
  limit: number
}

export const runKeys = {
  all: ['runs'] as const,
  lists: () => ['runs', 'list'] as const,
  list: (filters: RunListFilters) => ['runs', 'list', filters] as const,
  detail: (runId: string) => ['runs', runId] as const,
  messages: (runId: string) => ['runs', runId, 'messages'] as const,
  steps: (runId: string) => ['runs', runId, 'steps'] as const,
  usage: (runId: string) => ['runs', runId, 'usage'] as const,
}

export const runsQueryOptions = (filters: RunListFilters) =>
  queryOptions({
    queryKey: runKeys.list(filters),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/runs', {
          params: {
            query: {
              agent_id: filters.agentId,
              statuses: filters.statuses,
              stop_reason: filters.stopReason,
              before: filters.before,
              after: filters.after,
              order: filters.order ?? 'desc',
              limit: filters.limit,
            },
          },
          signal,
        }),
      ),
  })

export const runQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: runKeys.detail(runId),
    queryFn: ({ signal }) =>
      call(() => api.GET('/v1/runs/{run_id}', { params: { path: { run_id: runId } }, signal })),
  })

/** The run's transcript, oldest first (a run holds far fewer than the server's page cap). */
export const runMessagesQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: runKeys.messages(runId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/runs/{run_id}/messages', {
          params: { path: { run_id: runId }, query: { order: 'asc', limit: 1000 } },
          signal,
        }),
      ),
  })

/** The run's provider calls, in the order they were made. */
export const runStepsQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: runKeys.steps(runId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/runs/{run_id}/steps', {
          params: { path: { run_id: runId }, query: { order: 'asc', limit: 1000 } },
          signal,
        }),
      ),
  })

export const runUsageQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: runKeys.usage(runId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/runs/{run_id}/usage', { params: { path: { run_id: runId } }, signal }),
      ),
  })
