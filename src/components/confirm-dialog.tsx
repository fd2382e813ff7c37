import { Loader2Icon } from 'lucide-react'
import { useState, type ReactNode } from 'react'

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'

interface ConfirmDialogBodyProps {
  title: ReactNode
  description: ReactNode
  confirmLabel: string
  cancelLabel?: string
  variant?: 'destructive' | 'default'
  /** Holds the confirm button back, e.g. while what is at stake is still being counted. */
  confirmDisabled?: boolean
  /** The dialog waits for what it returns, showing a spinner; a rejection is shown in the dialog. */
  onConfirm: () => unknown
}

export interface ConfirmDialogProps extends ConfirmDialogBodyProps {
  /** The control that opens the dialog; left out when the owner opens it through `open`. */
  trigger?: ReactNode
  /** Controlled: the owner's state decides, and the owner closes the dialog once confirmed. */
  open?: boolean
  onOpenChange?: (open: boolean) => void
}

/** Asks before something that cannot be undone, and stays open until it has been done. */
export function ConfirmDialog({ trigger, open, onOpenChange, ...body }: ConfirmDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false)
  const controlled = open !== undefined
  const changeOpen = (next: boolean) => {
    if (!controlled) setOwnOpen(next)
    onOpenChange?.(next)
  }
  return (
    <AlertDialog open={controlled ? open : ownOpen} onOpenChange={changeOpen}>
      {trigger && <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>}
      <AlertDialogContent>
        <ConfirmDialogBody {...body} onDone={controlled ? undefined : () => changeOpen(false)} />
      </AlertDialogContent>
    </AlertDialog>
  )
}

// Mounted only while the dialog is open, so each opening starts without the last error.
function ConfirmDialogBody({
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  variant = 'destructive',
  confirmDisabled = false,
  onConfirm,
  onDone,
}: ConfirmDialogBodyProps & { onDone: (() => void) | undefined }) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()

  const confirm = async () => {
    setPending(true)
    setError(undefined)
    try {
      await onConfirm()
      onDone?.()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <AlertDialogHeader>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
      </AlertDialogHeader>
      {error !== undefined && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
        {/* A plain button, not AlertDialogAction: the dialog stays open until the work is done. */}
        <Button
          variant={variant}
          disabled={confirmDisabled || pending}
          onClick={() => void confirm()}
        >
          {pending && <Loader2Icon className="animate-spin" />}
          {confirmLabel}
        </Button>
      </AlertDialogFooter>
    </>
  )
}
