import { QueryClient } from '@tanstack/react-query'
import { createRouter } from '@tanstack/react-router'

import { ApiError } from '@/api/client'

import { routeTree } from './routeTree.gen'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not change by asking again; a dropped connection might.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  })
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    // Under --base-path the server sets the page's <base href> to the prefix.
    basepath: new URL(document.baseURI).pathname.replace(/\/+$/, '') || '/',
    context: { queryClient },
    defaultPreload: 'intent',
    // React Query decides what is fresh; the router always asks it.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
