import type * as React from 'react'

import { cn } from '@/lib/utils'

/** Labels beside their values, as the detail cards of every page show them. */
export function DetailList({ className, ...props }: React.ComponentProps<'dl'>) {
  return (
    <dl
      className={cn('grid grid-cols-[8.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm', className)}
      {...props}
    />
  )
}

/** One label and its value; `mono` for ids and other machine text. */
export function DetailItem({
  label,
  mono = false,
  children,
}: {
  label: React.ReactNode
  mono?: boolean
  children: React.ReactNode
}) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cn('min-w-0 break-words', mono && 'font-mono text-xs leading-5 break-all')}>
        {children}
      </dd>
    </div>
  )
}
