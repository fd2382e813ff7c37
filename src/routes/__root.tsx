import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext } from '@tanstack/react-router'

import { capabilitiesQueryOptions } from '@/api/capabilities'
import { AppShell } from '@/components/app-shell'
import { DevTools } from '@/components/dev-tools'
import { NotFoundView, RouteErrorView } from '@/components/error-view'
import { JobFinishWatch } from '@/features/jobs/job-finish-watch'
import { setActiveCapabilities } from '@/lib/capabilities'
import { getConnection } from '@/lib/connection'

export interface RouterContext {
  queryClient: QueryClient
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // Before any page loads its data: which routes the server has decides where requests go.
  beforeLoad: async ({ context }) => {
    const connection = getConnection()
    const capabilities = await context.queryClient.ensureQueryData(
      capabilitiesQueryOptions(connection),
    )
    if (getConnection().id === connection.id) setActiveCapabilities(capabilities)
  },
  component: RootComponent,
  errorComponent: RouteErrorView,
  notFoundComponent: NotFoundView,
})

function RootComponent() {
  return (
    <>
      <AppShell />
      <JobFinishWatch />
      <DevTools />
    </>
  )
}
