import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useCallback } from 'react'

import { setActiveCapabilities, UNKNOWN_CAPABILITIES } from './capabilities'
import { activateConnection, getConnection } from './connection'

/**
 * Makes a saved connection the active one; answers cached from the previous server are dropped.
 * `reload` does the same for the active connection after its address or secret changed.
 */
export function useSwitchConnection() {
  const queryClient = useQueryClient()
  const router = useRouter()
  return useCallback(
    async (id: string, reload = false) => {
      if (getConnection().id === id && !reload) return
      activateConnection(id)
      setActiveCapabilities(UNKNOWN_CAPABILITIES)
      queryClient.clear()
      // Loaders run again, after the new server's capabilities are known (the root's beforeLoad).
      await router.invalidate()
    },
    [queryClient, router],
  )
}
