import { Loader2Icon } from 'lucide-react'
import type { ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { DialogFooter } from '@/components/ui/dialog-layout'

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
          {pending && <Loader2Icon className="animate-spin" />}
          {children}
        </Button>
      </DialogFooter>
    </>
  )
}
