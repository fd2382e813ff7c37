import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext } from '@tanstack/react-router'

import { AppShell } from '@/components/app-shell'
import { NotFoundView, RouteErrorView } from '@/components/error-view'

export interface RouterContext {
  queryClient: QueryClient
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  errorComponent: RouteErrorView,
  notFoundComponent: NotFoundView,
})
