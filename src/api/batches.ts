import {
  queryOptions,
  useMutation,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, call, type ApiError } from './client'
import type { components } from './generated/schema'

export type BatchJob = components['schemas']['Job']
export type BatchItem = components['schemas']['BatchItem']
export type BatchMessage = components['schemas']['Message']

export const BATCH_MESSAGE_PAGE_SIZE = 50
const ACTIVE = ['created', 'pending', 'running']

export const isActiveBatch = (job: Pick<BatchJob, 'status'>) => ACTIVE.includes(job.status)

export interface BatchMessagePageParams {
  order: 'asc' | 'desc'
  /** The last message id of the previous page. */
  cursor?: string | undefined
}

export const batchesKeys = {
  all: ['batches'] as const,
  list: () => ['batches', 'list'] as const,
  detail: (id: string) => ['batches', id] as const,
  items: (id: string) => ['batches', id, 'items'] as const,
  messages: (id: string, params: BatchMessagePageParams) =>
    ['batches', id, 'messages', params] as const,
}

/** While a batch runs, its views ask again every second; once it has finished, never. */
export const whileActive = (job: BatchJob | undefined) =>
  job && !isActiveBatch(job) ? false : 1_000

export const batchesQueryOptions = () =>
  queryOptions({
    queryKey: batchesKeys.list(),
    queryFn: ({ signal }) =>
      call(() => api.GET('/v1/messages/batches', { params: { query: { limit: 100 } }, signal })),
  })

export const batchQueryOptions = (id: string) =>
  queryOptions({
    queryKey: batchesKeys.detail(id),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/messages/batches/{batch_id}', { params: { path: { batch_id: id } }, signal }),
      ),
  })

export const batchItemsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: batchesKeys.items(id),
    queryFn: async ({ signal }) =>
      (
        await call(() =>
          api.GET('/v1/messages/batches/{batch_id}/items', {
            params: { path: { batch_id: id } },
            signal,
          }),
        )
      ).items,
  })

/** One page of the batch's messages, through the user's document's path; one more tells if more follow. */
export const batchMessagesQueryOptions = (id: string, params: BatchMessagePageParams) =>
  queryOptions({
    queryKey: batchesKeys.messages(id, params),
    queryFn: async ({ signal }) => {
      const { messages } = await call(() =>
        api.GET('/v1/batch-runs/{batch_id}/messages', {
          params: {
            path: { batch_id: id },
            query: {
              limit: BATCH_MESSAGE_PAGE_SIZE + 1,
              cursor: params.cursor,
              sort_descending: params.order === 'desc',
            },
          },
          signal,
        }),
      )
      return {
        messages: messages.slice(0, BATCH_MESSAGE_PAGE_SIZE),
        hasMore: messages.length > BATCH_MESSAGE_PAGE_SIZE,
      }
    },
  })

type MutationCallbacks<TData, TVariables> = Pick<
  UseMutationOptions<TData, ApiError, TVariables>,
  'onSuccess' | 'onError'
>

export interface NewBatch {
  agentIds: string[]
  message: string
}

export function useCreateBatch(options: MutationCallbacks<BatchJob, NewBatch> = {}) {
  const queryClient = useQueryClient()
  return useMutation<BatchJob, ApiError, NewBatch>({
    mutationFn: ({ agentIds, message }) =>
      call(() =>
        api.POST('/v1/messages/batches', {
          body: {
            requests: agentIds.map((agentId) => ({
              agent_id: agentId,
              messages: [{ role: 'user' as const, content: message }],
            })),
          },
        }),
      ),
    ...options,
    onSuccess: async (job, input, onMutateResult, context) => {
      await queryClient.invalidateQueries({ queryKey: batchesKeys.list() })
      await queryClient.invalidateQueries({ queryKey: ['jobs'] })
      await options.onSuccess?.(job, input, onMutateResult, context)
    },
  })
}

/** Cancels the batch whose id the mutation is given. */
export function useCancelBatch() {
  const queryClient = useQueryClient()
  return useMutation<BatchJob, ApiError, string>({
    mutationFn: (id) =>
      call(() =>
        api.PATCH('/v1/messages/batches/{batch_id}/cancel', {
          params: { path: { batch_id: id } },
        }),
      ),
    onSuccess: async (_job, id) => {
      await queryClient.invalidateQueries({ queryKey: batchesKeys.detail(id) })
      await queryClient.invalidateQueries({ queryKey: ['jobs'] })
    },
  })
}
