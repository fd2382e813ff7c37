import { Outlet } from '@tanstack/react-router'
import { MenuIcon, SearchIcon } from 'lucide-react'
import { useState } from 'react'

import { AppSidebar } from '@/components/app-sidebar'
import { CapabilityGate } from '@/components/capability-gate'
import { CommandPalette } from '@/components/command-palette'
import { ConnectionSwitcher } from '@/components/connection-switcher'
import { PasswordDialog } from '@/components/password-dialog'
import { ThemeToggle } from '@/components/theme-toggle'
import { Button } from '@/components/ui/button'
import { Toaster } from '@/components/ui/sonner'
import { cn } from '@/lib/utils'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function AppShell() {
  const [mobileNavOpen, setMobileNavOpen] = useState(false)
  const openPalette = () =>
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, metaKey: isMac }),
    )

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
          <ConnectionSwitcher />
          <div className="ml-auto flex items-center gap-2">
            <Button
              variant="outline"
              size="sm"
              className={cn('text-muted-foreground')}
              onClick={openPalette}
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
