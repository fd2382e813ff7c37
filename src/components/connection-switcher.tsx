import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'

import { onReachability } from '@/api/client'
import { healthKeys, healthQueryOptions } from '@/api/health'
import { ChevronsUpDownIcon, SettingsIcon } from '@/components/icons'
import { MenuButton } from '@/components/menu-button'
import { Icon } from '@/components/ui/icon'
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
  const router = useRouter()
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
    <MenuButton
      label="Connections"
      heading="Connections"
      align="start"
      menuClassName="w-72"
      choices={connections.map((each) => ({
        value: each.id,
        label: (
          <span className="flex min-w-0 flex-col">
            <span className="truncate">{each.name}</span>
            <span className="truncate font-mono text-xs text-muted-foreground">
              {hostOf(serverUrl(each))}
            </span>
          </span>
        ),
      }))}
      value={connection.id}
      onChoose={(id) => void switchConnection(id)}
      actions={[
        {
          key: 'manage',
          label: (
            <>
              <Icon node={SettingsIcon} />
              Manage connections
            </>
          ),
          onSelect: () => void router.navigate({ to: '/settings/connection' }),
        },
      ]}
      trigger={(props) => (
        <button
          {...props}
          type="button"
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
          <Icon
            node={ChevronsUpDownIcon}
            aria-hidden
            className="size-4 shrink-0 text-muted-foreground"
          />
        </button>
      )}
    />
  )
}
