import { queryOptions } from '@tanstack/react-query'

import { api, call } from './client'

export const healthKeys = {
  all: ['health'] as const,
  server: (origin: string) => ['health', origin] as const,
}

/** The server's version and status; refreshed when the window regains focus, never on a timer. */
export const healthQueryOptions = (origin: string) =>
  queryOptions({
    queryKey: healthKeys.server(origin),
    queryFn: ({ signal }) => call(() => api.GET('/v1/health', { signal })),
    staleTime: 30_000,
    retry: false,
  })
