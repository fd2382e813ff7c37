import { useState } from 'react'

import type { ConfirmDialogBodyProps } from '@/components/confirm-dialog'
import { LoaderCircleIcon } from '@/components/icons'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

/** ConfirmDialog's dialog itself, loaded on first use (see confirm-dialog.tsx). */
export default function ConfirmDialogFrame({
  open,
  onOpenChange,
  onClosed,
  onDone,
  ...body
}: ConfirmDialogBodyProps & {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Where focus goes on closing: the dialog has no trigger of its own to return to. */
  onClosed: () => void
  onDone: (() => void) | undefined
}) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          onClosed()
        }}
      >
        <ConfirmDialogBody {...body} onDone={onDone} />
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
          {pending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
          {confirmLabel}
        </Button>
      </AlertDialogFooter>
    </>
  )
}
