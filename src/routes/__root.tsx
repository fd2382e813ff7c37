import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext } from '@tanstack/react-router'

import { AppShell } from '@/components/app-shell'
import { DevTools } from '@/components/dev-tools'
import { NotFoundView, RouteErrorView } from '@/components/error-view'
import { JobFinishNotifier } from '@/features/jobs/job-finish-notifier'

export interface RouterContext {
  queryClient: QueryClient
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootComponent,
  errorComponent: RouteErrorView,
  notFoundComponent: NotFoundView,
})

function RootComponent() {
  return (
    <>
      <AppShell />
      <JobFinishNotifier />
      <DevTools />
    </>
  )
}
