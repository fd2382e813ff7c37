import {
  queryOptions,
  useMutation,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, ApiError, call } from './client'
import type { components } from './generated/schema'

export type Source = components['schemas']['Source']
export type SourceCreate = components['schemas']['SourceCreate']
export type SourceUpdate = components['schemas']['SourceUpdate']
export type SourceFile = components['schemas']['FileMetadata']
export type Passage = components['schemas']['Passage']
export type EmbeddingConfig = components['schemas']['EmbeddingConfig']
export type EmbeddingModel = components['schemas']['EmbeddingModel']
export type UploadPolicy = components['schemas']['UploadPolicy']
export type PassageSearchResult = components['schemas']['PassageSearchResult']

/** How many passages a search by meaning returns, at most (the server's own limit is 100). */
export const PASSAGE_SEARCH_LIMIT = 50

export const PASSAGE_PAGE_SIZE = 20

/** One page of passages: a cursor (`after` or `before`, both passage ids), a text and a file filter. */
export interface PassagePageParams {
  search?: string | undefined
  fileId?: string | undefined
  after?: string | undefined
  before?: string | undefined
  limit: number
}

export interface PassagePage {
  passages: Passage[]
  hasPrevious: boolean
  hasNext: boolean
}

export const sourcesKeys = {
  all: ['sources'] as const,
  list: () => ['sources', 'list'] as const,
  count: () => ['sources', 'count'] as const,
  detail: (sourceId: string) => ['sources', sourceId] as const,
  files: (sourceId: string) => ['sources', sourceId, 'files'] as const,
  passagesOf: (sourceId: string) => ['sources', sourceId, 'passages'] as const,
  passages: (sourceId: string, params: PassagePageParams) =>
    ['sources', sourceId, 'passages', params] as const,
  passageSearch: (sourceId: string, query: string) =>
    ['sources', sourceId, 'passages', 'search', query] as const,
}

/**
 * The request for a page. One more than the page is asked for, to learn whether another follows
 * (on the far side from the cursor: the server gives the passages nearest a cursor).
 */
export function passagePageQuery(params: PassagePageParams) {
  const base = { search: params.search, file_id: params.fileId, limit: params.limit + 1 }
  if (params.before) return { ...base, order: 'asc' as const, before: params.before }
  return { ...base, order: 'asc' as const, after: params.after }
}

/** Drops the extra passage and says which way more passages lie. */
export function toPassagePage(rows: Passage[], params: PassagePageParams): PassagePage {
  const more = rows.length > params.limit
  const page = rows.slice(0, params.limit)
  if (params.before) {
    return { passages: more ? rows.slice(1) : rows, hasPrevious: more, hasNext: true }
  }
  return { passages: page, hasPrevious: Boolean(params.after), hasNext: more }
}

export const sourcesQueryOptions = () =>
  queryOptions({
    queryKey: sourcesKeys.list(),
    queryFn: ({ signal }) => call(() => api.GET('/v1/sources', { signal })),
  })

export const sourceCountQueryOptions = () =>
  queryOptions({
    queryKey: sourcesKeys.count(),
    queryFn: ({ signal }) => call(() => api.GET('/v1/sources/count', { signal })),
  })

export const sourceQueryOptions = (sourceId: string) =>
  queryOptions({
    queryKey: sourcesKeys.detail(sourceId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/sources/{source_id}', { params: { path: { source_id: sourceId } }, signal }),
      ),
  })

/** Every file of a source (the server's default page holds 1000, more than a source has here). */
export const sourceFilesQueryOptions = (sourceId: string) =>
  queryOptions({
    queryKey: sourcesKeys.files(sourceId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/sources/{source_id}/files', {
          params: { path: { source_id: sourceId } },
          signal,
        }),
      ),
  })

export const sourcePassagesQueryOptions = (sourceId: string, params: PassagePageParams) =>
  queryOptions({
    queryKey: sourcesKeys.passages(sourceId, params),
    queryFn: async ({ signal }) => {
      const rows = await call(() =>
        api.GET('/v1/sources/{source_id}/passages', {
          params: { path: { source_id: sourceId }, query: passagePageQuery(params) },
          signal,
        }),
      )
      return toPassagePage(rows, params)
    },
  })

/** The source's passages ranked by similarity to `query`, with scores (POST /v1/passages/search). */
export const passageSearchQueryOptions = (sourceId: string, query: string) =>
  queryOptions({
    queryKey: sourcesKeys.passageSearch(sourceId, query),
    queryFn: ({ signal }) =>
      call(() =>
        api.POST('/v1/passages/search', {
          body: { query, source_id: sourceId, limit: PASSAGE_SEARCH_LIMIT },
          signal,
        }),
      ),
  })

/** The embedding models the server offers; they change only when the server is reconfigured. */
export const embeddingModelsQueryOptions = () =>
  queryOptions({
    queryKey: ['models', 'embedding'] as const,
    queryFn: ({ signal }) => call(() => api.GET('/v1/models/embedding', { signal })),
    staleTime: 5 * 60_000,
  })

/**
 * Which file types and sizes the server takes, to refuse a file before sending it. A Letta server
 * does not publish this (404): then it is null, and the server's own refusal of an upload is shown.
 */
export const uploadPolicyQueryOptions = () =>
  queryOptions({
    queryKey: ['upload-policy'] as const,
    queryFn: async ({ signal }): Promise<UploadPolicy | null> => {
      try {
        return await call(() => api.GET('/v1/upload-policy', { signal }))
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    staleTime: 5 * 60_000,
  })

type MutationCallbacks<TData, TVariables> = Pick<
  UseMutationOptions<TData, ApiError, TVariables>,
  'onSuccess' | 'onError'
>

export function useCreateSource(options: MutationCallbacks<Source, SourceCreate> = {}) {
  const queryClient = useQueryClient()
  return useMutation<Source, ApiError, SourceCreate>({
    mutationFn: (body) => call(() => api.POST('/v1/sources', { body })),
    ...options,
    onSuccess: async (source, body, onMutateResult, context) => {
      queryClient.setQueryData(sourcesKeys.detail(source.id), source)
      await queryClient.invalidateQueries({ queryKey: sourcesKeys.list() })
      await options.onSuccess?.(source, body, onMutateResult, context)
    },
  })
}

export function useUpdateSource(
  sourceId: string,
  options: MutationCallbacks<Source, SourceUpdate> = {},
) {
  const queryClient = useQueryClient()
  return useMutation<Source, ApiError, SourceUpdate>({
    mutationFn: (body) =>
      call(() =>
        api.PATCH('/v1/sources/{source_id}', { params: { path: { source_id: sourceId } }, body }),
      ),
    ...options,
    onSuccess: async (source, body, onMutateResult, context) => {
      // The page shows the saved values at once; lists and counts catch up with the refetch.
      queryClient.setQueryData(sourcesKeys.detail(source.id), source)
      await queryClient.invalidateQueries({ queryKey: sourcesKeys.all })
      await options.onSuccess?.(source, body, onMutateResult, context)
    },
  })
}

export function useDeleteSource(options: MutationCallbacks<unknown, string> = {}) {
  const queryClient = useQueryClient()
  return useMutation<unknown, ApiError, string>({
    mutationFn: (sourceId) =>
      call(() =>
        api.DELETE('/v1/sources/{source_id}', { params: { path: { source_id: sourceId } } }),
      ),
    ...options,
    onSuccess: async (result, sourceId, onMutateResult, context) => {
      // Dropped rather than refetched: a page still showing it would flash a 404 as it leaves.
      queryClient.removeQueries({ queryKey: sourcesKeys.detail(sourceId) })
      await options.onSuccess?.(result, sourceId, onMutateResult, context)
      await queryClient.invalidateQueries({ queryKey: sourcesKeys.list() })
    },
  })
}

export function useDeleteSourceFile(
  sourceId: string,
  options: MutationCallbacks<unknown, string> = {},
) {
  const queryClient = useQueryClient()
  return useMutation<unknown, ApiError, string>({
    mutationFn: (fileId) =>
      call(() =>
        // Letta's form; the /files/{file_id} form is the bundled server's alone.
        api.DELETE('/v1/sources/{source_id}/{file_id}', {
          params: { path: { source_id: sourceId, file_id: fileId } },
        }),
      ),
    ...options,
    onSuccess: async (result, fileId, onMutateResult, context) => {
      // Its passages went with it: the file list, the passages and the list's counts all change.
      await queryClient.invalidateQueries({ queryKey: sourcesKeys.detail(sourceId) })
      await queryClient.invalidateQueries({ queryKey: sourcesKeys.list() })
      await options.onSuccess?.(result, fileId, onMutateResult, context)
    },
  })
}
