import type { ReactNode } from 'react'

import { LoaderCircleIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { DialogFooter } from '@/components/ui/dialog-layout'
import { Icon } from '@/components/ui/icon'

/** A form dialog's end: what went wrong, if anything, then its submit button with progress. */
export function FormActions({
  problem,
  pending,
  disabled = false,
  children,
}: {
  problem: ReactNode
  pending: boolean
  /** Besides while pending: the form cannot be sent yet. */
  disabled?: boolean
  /** The submit button's label. */
  children: ReactNode
}) {
  return (
    <>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <DialogFooter>
        <Button type="submit" disabled={pending || disabled}>
          {pending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
          {children}
        </Button>
      </DialogFooter>
    </>
  )
}
