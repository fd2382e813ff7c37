import { Outlet, useRouter } from '@tanstack/react-router'
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'

import { onUnauthorized } from '@/api/client'
import { AppSidebar } from '@/components/app-sidebar'
import { CapabilityGate } from '@/components/capability-gate'
import { ConnectionSwitcher } from '@/components/connection-switcher'
import { SearchIcon } from '@/components/icons'
import { MobileNav } from '@/components/mobile-nav'
import { ThemeToggle } from '@/components/theme-toggle'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { onOpenCommandPalette } from '@/lib/command-palette-events'
import { requestHeadingFocus } from '@/lib/page-focus'
import { toasterWantedStore } from '@/lib/toast'

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
  const router = useRouter()
  const palette = useLazyDialog()
  const password = useLazyDialog()
  const { setOpen: setPaletteOpen } = palette
  const { setOpen: setPasswordOpen } = password
  const toasterWanted = useSyncExternalStore(toasterWantedStore.subscribe, toasterWantedStore.get)
  // What had focus when the palette opened (the code editor, say) gets it back when it closes.
  const paletteOpener = useRef<HTMLElement | null>(null)

  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        // Not on the first load: focus then starts at the top of the document, as usual.
        if (event.fromLocation && event.pathChanged) requestHeadingFocus()
      }),
    [router],
  )

  useEffect(() => {
    const rememberOpener = () => {
      if (document.activeElement instanceof HTMLElement) {
        paletteOpener.current = document.activeElement
      }
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        rememberOpener()
        setPaletteOpen((wasOpen) => !wasOpen)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    const stopListening = onOpenCommandPalette(() => {
      rememberOpener()
      setPaletteOpen(true)
    })
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stopListening()
    }
  }, [setPaletteOpen])

  useEffect(() => onUnauthorized(() => setPasswordOpen(true)), [setPasswordOpen])

  return (
    <div className="flex min-h-svh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:ring-2 focus:ring-ring"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <AppSidebar className="sticky top-0 hidden h-svh w-56 shrink-0 border-r border-sidebar-border md:flex" />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur">
          <MobileNav />
          <ConnectionSwitcher />
          <div className="ml-auto flex items-center gap-2">
            <Button
              variant="outline"
              size="sm"
              className="text-muted-foreground"
              onClick={(event) => {
                paletteOpener.current = event.currentTarget
                palette.setOpen(true)
              }}
              onPointerEnter={() => void loadCommandPalette()}
              onFocus={() => void loadCommandPalette()}
              aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
            >
              <Icon node={SearchIcon} />
              <span className="sr-only sm:not-sr-only">Search</span>
              <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] sm:inline">
                {isMac ? '⌘' : 'Ctrl'} K
              </kbd>
            </Button>
            <ThemeToggle />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 p-4 focus-visible:outline-none md:p-6">
          <CapabilityGate>
            <Outlet />
          </CapabilityGate>
        </main>
      </div>
      <Suspense fallback={null}>
        {palette.mounted && (
          <CommandPalette
            open={palette.open}
            onOpenChange={palette.setOpen}
            openerRef={paletteOpener}
          />
        )}
        {password.mounted && (
          <PasswordDialog open={password.open} onOpenChange={password.setOpen} />
        )}
      </Suspense>
      <Suspense fallback={null}>{toasterWanted && <Toaster richColors closeButton />}</Suspense>
    </div>
  )
}
