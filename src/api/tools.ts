import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, call, type ApiError } from './client'
import type { components, paths } from './generated/schema'

export { toolTypeValues } from './values'

type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never

export type Tool = JsonBody<paths['/v1/tools/{tool_id}']['get']['responses'][200]>
export type ToolCreate = JsonBody<NonNullable<paths['/v1/tools']['post']['requestBody']>>
export type ToolUpdate = JsonBody<NonNullable<paths['/v1/tools/{tool_id}']['patch']['requestBody']>>
export type ToolRunRequest = JsonBody<NonNullable<paths['/v1/tools/run']['post']['requestBody']>>
export type ToolRunResult = JsonBody<paths['/v1/tools/run']['post']['responses'][200]>
export type ToolType = components['schemas']['ToolType']
export type ToolSchema = JsonBody<paths['/v1/tools/generate-schema']['post']['responses'][200]>

/** Rows per request when listing; the table asks for the next page as it scrolls. */
export const TOOLS_PAGE_SIZE = 100

export interface ToolListParams {
  search: string
  /** Undefined lists every type. */
  toolTypes: string[] | undefined
}

export const toolKeys = {
  all: ['tools'] as const,
  lists: () => ['tools', 'list'] as const,
  list: (params: ToolListParams) => ['tools', 'list', params] as const,
  counts: () => ['tools', 'count'] as const,
  count: (includeBuiltIn: boolean) => ['tools', 'count', { includeBuiltIn }] as const,
  detail: (toolId: string) => ['tools', toolId] as const,
  schema: (code: string) => ['tools', 'generate-schema', code] as const,
}

/** Newest first, a page of TOOLS_PAGE_SIZE at a time, the next page after the last id. */
export const toolsInfiniteQueryOptions = (params: ToolListParams) =>
  infiniteQueryOptions({
    queryKey: toolKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      call(() =>
        api.GET('/v1/tools', {
          params: {
            query: {
              search: params.search || undefined,
              tool_types: params.toolTypes,
              limit: TOOLS_PAGE_SIZE,
              order: 'desc',
              after: pageParam,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.length < TOOLS_PAGE_SIZE ? undefined : lastPage.at(-1)?.id,
  })

export const toolCountQueryOptions = (includeBuiltIn: boolean) =>
  queryOptions({
    queryKey: toolKeys.count(includeBuiltIn),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/tools/count', {
          params: { query: { include_base_tools: includeBuiltIn } },
          signal,
        }),
      ),
  })

export const toolQueryOptions = (toolId: string) =>
  queryOptions({
    queryKey: toolKeys.detail(toolId),
    queryFn: ({ signal }) =>
      call(() => api.GET('/v1/tools/{tool_id}', { params: { path: { tool_id: toolId } }, signal })),
  })

/** The JSON schema the server derives from Python source; the same text is never asked twice. */
export const toolSchemaQueryOptions = (code: string) =>
  queryOptions({
    queryKey: toolKeys.schema(code),
    queryFn: ({ signal }) =>
      call(() =>
        api.POST('/v1/tools/generate-schema', {
          body: { code, source_type: 'python' },
          signal,
        }),
      ),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  })

/** Lists and totals change with every create and delete; other tools' details do not. */
const invalidateListsAndCounts = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: toolKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: toolKeys.counts() }),
  ])

type MutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, ApiError, TVariables>,
  'mutationFn'
>

export function useCreateTool(options: MutationOptions<Tool, ToolCreate> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    ...options,
    mutationFn: (body: ToolCreate) => call(() => api.POST('/v1/tools', { body })),
    onSuccess: async (tool, ...rest) => {
      queryClient.setQueryData(toolKeys.detail(tool.id), tool)
      await invalidateListsAndCounts(queryClient)
      await options.onSuccess?.(tool, ...rest)
    },
  })
}

export function useUpdateTool(toolId: string, options: MutationOptions<Tool, ToolUpdate> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    ...options,
    mutationFn: (body: ToolUpdate) =>
      call(() => api.PATCH('/v1/tools/{tool_id}', { params: { path: { tool_id: toolId } }, body })),
    onSuccess: async (tool, ...rest) => {
      queryClient.setQueryData(toolKeys.detail(tool.id), tool)
      await queryClient.invalidateQueries({ queryKey: toolKeys.lists() })
      await options.onSuccess?.(tool, ...rest)
    },
  })
}

export function useDeleteTool(toolId: string, options: MutationOptions<unknown, void> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    ...options,
    mutationFn: () =>
      call(() => api.DELETE('/v1/tools/{tool_id}', { params: { path: { tool_id: toolId } } })),
    onSuccess: async (...args) => {
      // Lists not on screen are dropped, so the next one shown is fetched without the tool.
      queryClient.removeQueries({ queryKey: toolKeys.lists(), type: 'inactive' })
      queryClient.removeQueries({ queryKey: toolKeys.counts(), type: 'inactive' })
      await invalidateListsAndCounts(queryClient)
      // The caller leaves the tool's page first: a page still showing it would refetch a 404.
      await options.onSuccess?.(...args)
      queryClient.removeQueries({ queryKey: toolKeys.detail(toolId), exact: true })
    },
  })
}

/** Runs source code (the editor's, saved or not) with arguments; nothing is stored. */
export function useRunTool(options: MutationOptions<ToolRunResult, ToolRunRequest> = {}) {
  return useMutation({
    ...options,
    mutationFn: (body: ToolRunRequest) => call(() => api.POST('/v1/tools/run', { body })),
  })
}
