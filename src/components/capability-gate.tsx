import { Link, useLocation } from '@tanstack/react-router'
import { lazy, Suspense, type ReactNode } from 'react'

import { useCapabilities } from '@/api/capabilities'
import { InfoIcon, PlugZapIcon } from '@/components/icons'
import { StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { useConnection } from '@/lib/connection'
import { isAvailable, navItemForPath } from '@/lib/navigation'

// Most servers lack nothing a page needs: the words for what is missing load when they are said.
const CapabilityNoteList = lazy(() =>
  import('./capability-note-list').then((module) => ({ default: module.CapabilityNoteList })),
)

/**
 * Stands in for a page the active server cannot serve, saying what is missing instead of failing,
 * and notes above a page what it works around on this server.
 */
export function CapabilityGate({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  const capabilities = useCapabilities()
  const connection = useConnection()
  const item = navItemForPath(pathname)
  if (!item) return children

  if (!isAvailable(item, capabilities)) {
    return (
      <StateMessage
        icon={PlugZapIcon}
        title={`${connection.name} has no ${item.title.toLowerCase()}`}
      >
        <Suspense fallback={null}>
          <CapabilityNoteList
            names={item.requires ?? []}
            className="max-w-prose space-y-1 text-sm text-muted-foreground"
          />
        </Suspense>
        <Button asChild variant="outline">
          <Link to="/settings/connection">Choose another connection</Link>
        </Button>
      </StateMessage>
    )
  }

  const missing = (item.notes ?? []).filter((name) => capabilities.has[name] === false)
  return (
    <>
      {missing.length > 0 && (
        <aside
          aria-label="What this server does not offer"
          data-testid="capability-notes"
          className="mb-4 flex gap-2 rounded-md border bg-muted/40 p-3 text-sm"
        >
          <Icon
            node={InfoIcon}
            aria-hidden
            className="mt-0.5 size-4 shrink-0 text-muted-foreground"
          />
          <Suspense fallback={null}>
            <CapabilityNoteList names={missing} className="space-y-1" />
          </Suspense>
        </aside>
      )}
      {children}
    </>
  )
}
