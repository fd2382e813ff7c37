import { useEffect } from 'react'
import type * as React from 'react'
import { Toaster as Sonner } from 'sonner'

import { useTheme } from '@/components/theme-provider'
import { toasterMounted } from '@/lib/toast'

export function Toaster(props: React.ComponentProps<typeof Sonner>) {
  const { resolvedTheme } = useTheme()
  // Runs after Sonner's own effects, so it is listening when the waiting toasts are sent.
  useEffect(toasterMounted, [])
  return (
    <Sonner
      theme={resolvedTheme}
      className="toaster group"
      style={
        {
          '--normal-bg': 'var(--popover)',
          '--normal-text': 'var(--popover-foreground)',
          '--normal-border': 'var(--border)',
        } as React.CSSProperties
      }
      {...props}
    />
  )
}
