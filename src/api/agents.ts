import {
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, call, type ApiError, type AsReceived } from './client'
import type { components } from './generated/schema'

export type Agent = AsReceived<components['schemas']['AgentState']>
export type AgentCreate = components['schemas']['CreateAgentRequest']
export type Block = AsReceived<components['schemas']['Block']>
export type BlockUpdate = components['schemas']['BlockUpdate']
export type Model = components['schemas']['Model']
export type StopReason = components['schemas']['StopReasonType']
export type LettaMessage = AsReceived<components['schemas']['LettaMessageUnion']>

/** Most agents one list request asks for (the server's cap). */
export const AGENTS_LIST_LIMIT = 1000
/** The conversation shown on an agent's page: its newest messages. */
export const AGENT_MESSAGES_LIMIT = 300

export interface AgentListParams {
  /** Text in the name or description; empty lists every agent. */
  search: string
}

export const agentKeys = {
  all: ['agents'] as const,
  lists: () => ['agents', 'list'] as const,
  list: (params: AgentListParams) => ['agents', 'list', params] as const,
  count: () => ['agents', 'count'] as const,
  detail: (agentId: string) => ['agents', agentId] as const,
  messages: (agentId: string) => ['agents', agentId, 'messages'] as const,
}

export const agentsQueryOptions = (params: AgentListParams) =>
  queryOptions({
    queryKey: agentKeys.list(params),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/agents', {
          params: {
            query: {
              query_text: params.search || undefined,
              limit: AGENTS_LIST_LIMIT,
              order: 'desc',
            },
          },
          signal,
        }),
      ),
  })

export const agentCountQueryOptions = () =>
  queryOptions({
    queryKey: agentKeys.count(),
    queryFn: ({ signal }) => call(() => api.GET('/v1/agents/count', { signal })),
  })

export const agentQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: agentKeys.detail(agentId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/agents/{agent_id}', { params: { path: { agent_id: agentId } }, signal }),
      ),
  })

/** The newest messages of the conversation, oldest first as they are read. */
export const agentMessagesQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: agentKeys.messages(agentId),
    queryFn: async ({ signal }) => {
      const newestFirst = await call(() =>
        api.GET('/v1/agents/{agent_id}/messages', {
          params: {
            path: { agent_id: agentId },
            query: { limit: AGENT_MESSAGES_LIMIT, order: 'desc' },
          },
          signal,
        }),
      )
      return [...newestFirst].reverse()
    },
  })

/** The chat models agents can use; they change only when the server is reconfigured. */
export const llmModelsQueryOptions = () =>
  queryOptions({
    queryKey: ['models', 'llm'] as const,
    queryFn: ({ signal }) => call(() => api.GET('/v1/models', { signal })),
    staleTime: 5 * 60_000,
  })

type MutationCallbacks<TData, TVariables> = Pick<
  UseMutationOptions<TData, ApiError, TVariables>,
  'onSuccess' | 'onError'
>

const invalidateListsAndCount = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: agentKeys.count() }),
  ])

export function useCreateAgent(options: MutationCallbacks<Agent, AgentCreate> = {}) {
  const queryClient = useQueryClient()
  return useMutation<Agent, ApiError, AgentCreate>({
    mutationFn: (body) => call(() => api.POST('/v1/agents', { body })),
    ...options,
    onSuccess: async (agent, body, onMutateResult, context) => {
      queryClient.setQueryData(agentKeys.detail(agent.id), agent)
      await invalidateListsAndCount(queryClient)
      await options.onSuccess?.(agent, body, onMutateResult, context)
    },
  })
}

export function useDeleteAgent(options: MutationCallbacks<unknown, string> = {}) {
  const queryClient = useQueryClient()
  return useMutation<unknown, ApiError, string>({
    mutationFn: (agentId) =>
      call(() => api.DELETE('/v1/agents/{agent_id}', { params: { path: { agent_id: agentId } } })),
    ...options,
    onSuccess: async (result, agentId, onMutateResult, context) => {
      // Dropped rather than refetched: a page still showing it would flash a 404 as it leaves.
      queryClient.removeQueries({ queryKey: agentKeys.detail(agentId) })
      await options.onSuccess?.(result, agentId, onMutateResult, context)
      await invalidateListsAndCount(queryClient)
    },
  })
}

export interface BlockEdit {
  label: string
  body: BlockUpdate
}

export function useUpdateBlock(agentId: string, options: MutationCallbacks<Block, BlockEdit> = {}) {
  const queryClient = useQueryClient()
  return useMutation<Block, ApiError, BlockEdit>({
    mutationFn: ({ label, body }) =>
      call(() =>
        api.PATCH('/v1/agents/{agent_id}/core-memory/blocks/{block_label}', {
          params: { path: { agent_id: agentId, block_label: label } },
          body,
        }),
      ),
    ...options,
    onSuccess: async (block, edit, onMutateResult, context) => {
      await queryClient.invalidateQueries({ queryKey: agentKeys.detail(agentId), exact: true })
      await options.onSuccess?.(block, edit, onMutateResult, context)
    },
  })
}

export type Attachment = { kind: 'tool' | 'source'; id: string; action: 'attach' | 'detach' }

function attachRequest(agentId: string, { kind, id, action }: Attachment) {
  if (kind === 'tool') {
    const params = { path: { agent_id: agentId, tool_id: id } }
    return action === 'attach'
      ? api.PATCH('/v1/agents/{agent_id}/tools/attach/{tool_id}', { params })
      : api.PATCH('/v1/agents/{agent_id}/tools/detach/{tool_id}', { params })
  }
  const params = { path: { agent_id: agentId, folder_id: id } }
  return action === 'attach'
    ? api.PATCH('/v1/agents/{agent_id}/folders/attach/{folder_id}', { params })
    : api.PATCH('/v1/agents/{agent_id}/folders/detach/{folder_id}', { params })
}

/** Attaches or detaches a tool or a source (a folder, in Letta's newer words). */
export function useAgentAttachment(
  agentId: string,
  options: MutationCallbacks<Agent, Attachment> = {},
) {
  const queryClient = useQueryClient()
  return useMutation<Agent, ApiError, Attachment>({
    mutationFn: (attachment) => call(() => attachRequest(agentId, attachment)),
    ...options,
    onSuccess: async (agent, attachment, onMutateResult, context) => {
      queryClient.setQueryData(agentKeys.detail(agentId), agent)
      await queryClient.invalidateQueries({ queryKey: agentKeys.lists() })
      await options.onSuccess?.(agent, attachment, onMutateResult, context)
    },
  })
}
