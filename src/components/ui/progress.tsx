import type * as React from 'react'

import { cn } from '@/lib/utils'

/** A progress bar; without a value it is indeterminate (no aria-valuenow, as ARIA asks). */
export function Progress({
  className,
  value,
  ...props
}: React.ComponentProps<'div'> & { value?: number | null }) {
  const known = typeof value === 'number' && Number.isFinite(value)
  const percent = known ? Math.min(100, Math.max(0, value)) : 0
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? percent : undefined}
      aria-valuetext={known ? `${Math.round(percent)}%` : undefined}
      data-state={!known ? 'indeterminate' : percent === 100 ? 'complete' : 'loading'}
      data-slot="progress"
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-primary/20', className)}
      {...props}
    >
      <div
        data-slot="progress-indicator"
        className="h-full w-full flex-1 bg-primary transition-all"
        style={{ transform: `translateX(-${100 - percent}%)` }}
      />
    </div>
  )
}
