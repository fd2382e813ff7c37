import { queryOptions, useQuery } from '@tanstack/react-query'

import {
  detectCapabilities,
  setActiveCapabilities,
  UNKNOWN_CAPABILITIES,
  type ServerCapabilities,
} from '@/lib/capabilities'
import { getConnection, serverUrl, useConnection, type Connection } from '@/lib/connection'

export const capabilitiesKeys = {
  all: ['capabilities'] as const,
  server: (connection: Connection) =>
    ['capabilities', connection.id, serverUrl(connection), Boolean(connection.password)] as const,
}

/** What the connection's server serves; detected once a connection, again on a window refocus. */
export const capabilitiesQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: capabilitiesKeys.server(connection),
    queryFn: async (): Promise<ServerCapabilities> => {
      const detected = await detectCapabilities({ connection, url: serverUrl(connection) })
      // Requests for the connection still active follow what its server serves.
      if (getConnection().id === connection.id) setActiveCapabilities(detected)
      return detected
    },
    staleTime: 5 * 60_000,
    retry: false,
  })

/** The active server's capabilities; unknown (nothing hidden) until detection finishes. */
export function useCapabilities(): ServerCapabilities {
  const connection = useConnection()
  return useQuery(capabilitiesQueryOptions(connection)).data ?? UNKNOWN_CAPABILITIES
}
