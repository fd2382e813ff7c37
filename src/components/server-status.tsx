import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect } from 'react'

import { onReachability } from '@/api/client'
import { healthKeys, healthQueryOptions } from '@/api/health'
import { serverOrigin, useConnection } from '@/lib/connection'
import { cn } from '@/lib/utils'

/** Which server the console talks to, and whether it answers. */
export function ServerStatus() {
  const connection = useConnection()
  const origin = serverOrigin(connection)
  const health = useQuery(healthQueryOptions(origin))
  const queryClient = useQueryClient()
  // Any request's failure (or success after a failure) asks the health check again at once.
  const shownReachable = !health.isError
  useEffect(
    () =>
      onReachability((reachable) => {
        if (reachable !== shownReachable && !health.isFetching) {
          void queryClient.invalidateQueries({ queryKey: healthKeys.server(origin) })
        }
      }),
    [queryClient, origin, shownReachable, health.isFetching],
  )
  const state = health.isPending ? 'checking' : health.isError ? 'down' : 'healthy'
  const label =
    state === 'checking'
      ? 'Checking…'
      : state === 'down'
        ? 'Unreachable'
        : `Healthy · v${health.data?.version ?? ''}`
  return (
    <Link
      to="/settings/connection"
      className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent"
      title={health.error?.message ?? `Server at ${origin}`}
      data-testid="server-status"
    >
      <span
        aria-hidden
        className={cn(
          'size-2 shrink-0 rounded-full',
          state === 'healthy' && 'bg-success',
          state === 'down' && 'bg-destructive',
          state === 'checking' && 'animate-pulse bg-muted-foreground',
        )}
      />
      <span className="truncate font-mono text-xs text-muted-foreground">
        {origin.replace(/^https?:\/\//, '')}
      </span>
      <span className={cn('shrink-0', state === 'down' && 'text-destructive')}>{label}</span>
    </Link>
  )
}
