import type * as React from 'react'

import { ChevronDownIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

/**
 * The browser's own select, drawn like the other inputs; its children are `<option>`s. The
 * className sizes the box around it (width, flex), since the chevron sits in that box and the
 * select fills it; every other prop, the id and aria ones too, goes to the select.
 */
export function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <div
      data-slot="native-select-wrapper"
      className={cn('relative w-fit has-[select:disabled]:opacity-50', className)}
    >
      <select
        data-slot="native-select"
        className={cn(
          'h-9 w-full min-w-0 cursor-pointer appearance-none truncate rounded-md border border-input bg-transparent py-1 pr-8 pl-3 text-sm shadow-xs transition-[color,box-shadow] outline-none disabled:cursor-not-allowed dark:bg-input/30 dark:scheme-dark',
          'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring',
          'aria-invalid:border-destructive aria-invalid:ring-destructive/20',
          // A disabled option chosen is a placeholder ("Choose…", "Loading…"), shown dimmed.
          'has-[option:checked:disabled]:text-muted-foreground',
          // The option list is drawn by the browser: without these it stays light in dark mode.
          '[&>option]:bg-popover [&>option]:text-popover-foreground [&>option:disabled]:text-muted-foreground',
        )}
        {...props}
      />
      <Icon
        node={ChevronDownIcon}
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 opacity-50"
      />
    </div>
  )
}
