import { lazy, Suspense, type ReactNode } from 'react'

import { useDialogOpener, useDialogState } from '@/components/dialog-opener'

// The dialog primitives load when a confirmation is first wanted, not with the page.
const loadFrame = () => import('@/components/confirm-dialog-frame')
const ConfirmDialogFrame = lazy(loadFrame)

export interface ConfirmDialogBodyProps {
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
  const controlled = open !== undefined
  const state = useDialogState(open, onOpenChange)
  const { opener, focusOpener } = useDialogOpener(trigger, {
    open: state.open,
    onOpen: () => state.setOpen(true),
    preload: loadFrame,
  })
  return (
    <>
      {opener}
      {state.mounted && (
        <Suspense fallback={null}>
          <ConfirmDialogFrame
            {...body}
            open={state.open}
            onOpenChange={state.setOpen}
            onClosed={focusOpener}
            onDone={controlled ? undefined : () => state.setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}
