import { Outlet } from '@tanstack/react-router'
import { MenuIcon, SearchIcon } from 'lucide-react'
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react'

import { onUnauthorized } from '@/api/client'
import { AppSidebar } from '@/components/app-sidebar'
import { ServerStatus } from '@/components/server-status'
import { ThemeToggle } from '@/components/theme-toggle'
import { Button } from '@/components/ui/button'
import { toasterWantedStore } from '@/lib/toast'
import { cn } from '@/lib/utils'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

// Dialogs few visits open: their code (and cmdk's) loads when first wanted, not with the page.
const loadCommandPalette = () => import('@/components/command-palette')
const CommandPalette = lazy(loadCommandPalette)
const PasswordDialog = lazy(() => import('@/components/password-dialog'))
const Toaster = lazy(() =>
  import('@/components/ui/sonner').then((module) => ({ default: module.Toaster })),
)

/** Open state for a lazily loaded dialog: mounted from its first opening on, so it can close. */
function useLazyDialog() {
  const [open, setOpen] = useState(false)
  const [mounted, setMounted] = useState(false)
  const change = useCallback((next: boolean | ((wasOpen: boolean) => boolean)) => {
    setMounted(true)
    setOpen(next)
  }, [])
  return { open, mounted, setOpen: change }
}

export function AppShell() {
  const [mobileNavOpen, setMobileNavOpen] = useState(false)
  const palette = useLazyDialog()
  const password = useLazyDialog()
  const { setOpen: setPaletteOpen } = palette
  const { setOpen: setPasswordOpen } = password
  const toasterWanted = useSyncExternalStore(toasterWantedStore.subscribe, toasterWantedStore.get)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        setPaletteOpen((wasOpen) => !wasOpen)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [setPaletteOpen])

  useEffect(() => onUnauthorized(() => setPasswordOpen(true)), [setPasswordOpen])

  return (
    <div className="flex min-h-svh">
      <AppSidebar className="sticky top-0 hidden h-svh w-56 shrink-0 border-r border-sidebar-border md:flex" />
      {mobileNavOpen && (
        <div className="fixed inset-0 z-40 md:hidden" onClick={() => setMobileNavOpen(false)}>
          <div className="absolute inset-0 bg-black/40" />
          <AppSidebar
            className="absolute inset-y-0 left-0 w-64 border-r"
            onNavigate={() => setMobileNavOpen(false)}
          />
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label="Open navigation"
            onClick={() => setMobileNavOpen(true)}
          >
            <MenuIcon />
          </Button>
          <ServerStatus />
          <div className="ml-auto flex items-center gap-2">
            <Button
              variant="outline"
              size="sm"
              className={cn('text-muted-foreground')}
              onClick={() => palette.setOpen(true)}
              onPointerEnter={() => void loadCommandPalette()}
              onFocus={() => void loadCommandPalette()}
              aria-label="Open command palette"
            >
              <SearchIcon />
              <span className="hidden sm:inline">Search</span>
              <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] sm:inline">
                {isMac ? '⌘' : 'Ctrl'} K
              </kbd>
            </Button>
            <ThemeToggle />
          </div>
        </header>
        <main className="flex-1 p-4 md:p-6">
          <Outlet />
        </main>
      </div>
      <Suspense fallback={null}>
        {palette.mounted && <CommandPalette open={palette.open} onOpenChange={palette.setOpen} />}
        {password.mounted && (
          <PasswordDialog open={password.open} onOpenChange={password.setOpen} />
        )}
      </Suspense>
      <Suspense fallback={null}>{toasterWanted && <Toaster richColors closeButton />}</Suspense>
    </div>
  )
}
