import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ChevronsUpDownIcon, SettingsIcon } from 'lucide-react'
import { useEffect } from 'react'

import { onReachability } from '@/api/client'
import { healthKeys, healthQueryOptions } from '@/api/health'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { serverUrl, useConnection, useConnections } from '@/lib/connection'
import { useSwitchConnection } from '@/lib/use-switch-connection'
import { cn } from '@/lib/utils'

const hostOf = (url: string) => url.replace(/^https?:\/\//, '')

/** Which server the console talks to and whether it answers; opens the list of saved ones. */
export function ConnectionSwitcher() {
  const connection = useConnection()
  const connections = useConnections()
  const switchConnection = useSwitchConnection()
  const url = serverUrl(connection)
  const health = useQuery(healthQueryOptions(url))
  const queryClient = useQueryClient()
  // Any request's failure (or success after a failure) asks the health check again at once.
  const shownReachable = !health.isError
  useEffect(
    () =>
      onReachability((reachable) => {
        if (reachable !== shownReachable && !health.isFetching) {
          void queryClient.invalidateQueries({ queryKey: healthKeys.server(url) })
        }
      }),
    [queryClient, url, shownReachable, health.isFetching],
  )
  const state = health.isPending ? 'checking' : health.isError ? 'down' : 'healthy'
  const label =
    state === 'checking'
      ? 'Checking…'
      : state === 'down'
        ? 'Unreachable'
        : `Healthy · v${health.data?.version ?? ''}`

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        title={health.error?.message ?? `Server at ${url}`}
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
        <span className="truncate font-medium max-sm:sr-only">{connection.name}</span>
        <span className="truncate font-mono text-xs text-muted-foreground">{hostOf(url)}</span>
        <span className={cn('shrink-0', state === 'down' && 'text-destructive')}>{label}</span>
        <span className="sr-only">: switch connection</span>
        <ChevronsUpDownIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>Connections</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={connection.id}
          onValueChange={(id) => void switchConnection(id)}
        >
          {connections.map((each) => (
            <DropdownMenuRadioItem key={each.id} value={each.id}>
              <span className="flex min-w-0 flex-col">
                <span className="truncate">{each.name}</span>
                <span className="truncate font-mono text-xs text-muted-foreground">
                  {hostOf(serverUrl(each))}
                </span>
              </span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/settings/connection">
            <SettingsIcon />
            Manage connections
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
