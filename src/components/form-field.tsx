import { useId, type ReactElement, type ReactNode } from 'react'

import { Label } from '@/components/ui/label'
import { Slot } from '@/components/ui/slot'
import { cn } from '@/lib/utils'

/**
 * A label over one control, with a hint and an error under it. The control (the one child) is
 * given the id and aria attributes that tie them to it; a component passes them to its input.
 */
export function FormField({
  label,
  labelClassName,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode
  labelClassName?: string
  hint?: ReactNode
  error?: string | undefined
  className?: string
  children: ReactElement
}) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ')
  return (
    <div className={cn('grid gap-2', className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      <Slot
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {children}
      </Slot>
      {hintId && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  )
}
