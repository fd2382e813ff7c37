import type * as React from 'react'

import { TriangleAlertIcon, type IconNode } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

/** Stands where a list would be: nothing to show yet, nothing matching, or a failure. */
export function StateMessage({
  icon,
  title,
  tone = 'muted',
  className,
  children,
}: {
  icon: IconNode
  title: string
  tone?: 'muted' | 'error'
  className?: string
  children?: React.ReactNode
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed p-8 text-center',
        className,
      )}
    >
      <Icon
        node={icon}
        className={cn('size-8', tone === 'error' ? 'text-destructive' : 'text-muted-foreground')}
      />
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </div>
  )
}

/** A list that could not be loaded: the server's reason and a way to ask again. */
export function LoadErrorMessage({
  title,
  error,
  onRetry,
  className,
}: {
  title: string
  error: Error
  onRetry: () => void
  className?: string
}) {
  return (
    <StateMessage icon={TriangleAlertIcon} title={title} tone="error" className={className}>
      <p className="text-sm text-muted-foreground">{error.message}</p>
      <Button variant="outline" onClick={onRetry}>
        Try again
      </Button>
    </StateMessage>
  )
}
