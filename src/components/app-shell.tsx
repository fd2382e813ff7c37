import { Outlet, useRouter } from '@tanstack/react-router'
import { SearchIcon } from 'lucide-react'
import { useEffect } from 'react'

import { AppSidebar } from '@/components/app-sidebar'
import { CapabilityGate } from '@/components/capability-gate'
import { CommandPalette } from '@/components/command-palette'
import { ConnectionSwitcher } from '@/components/connection-switcher'
import { MobileNav } from '@/components/mobile-nav'
import { PasswordDialog } from '@/components/password-dialog'
import { ThemeToggle } from '@/components/theme-toggle'
import { Button } from '@/components/ui/button'
import { Toaster } from '@/components/ui/sonner'
import { openCommandPalette } from '@/lib/command-palette-events'
import { requestHeadingFocus } from '@/lib/page-focus'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function AppShell() {
  const router = useRouter()
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        // Not on the first load: focus then starts at the top of the document, as usual.
        if (event.fromLocation && event.pathChanged) requestHeadingFocus()
      }),
    [router],
  )

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
              onClick={openCommandPalette}
              aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
            >
              <SearchIcon />
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
      <CommandPalette />
      <PasswordDialog />
      <Toaster richColors closeButton />
    </div>
  )
}
