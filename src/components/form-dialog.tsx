import { lazy, Suspense, type ReactNode } from 'react'

import { useDialogOpener, useDialogState } from '@/components/dialog-opener'
import { usePageAction, type PageAction } from '@/lib/page-actions'

// The dialog primitives load when a dialog is first wanted, not with the page that offers it.
const loadFrame = () => import('@/components/form-dialog-frame')
const FormDialogFrame = lazy(loadFrame)

/**
 * A dialog opened by its trigger, whose form is mounted only while it is open, so each opening
 * starts from fresh values. The form gets `close` to call once it has done its work.
 */
export function FormDialog({
  trigger,
  title,
  description,
  className,
  children,
  openOn,
  preload,
}: {
  /** A command palette action that opens this dialog. */
  openOn?: PageAction | undefined
  trigger: ReactNode
  /** Classes for the dialog box, e.g. a wider one for a long form. */
  className?: string
  title: ReactNode
  description: ReactNode
  children: (close: () => void) => ReactNode
  /** Loads what the form needs, with the dialog's own code, when its trigger is pointed at. */
  preload?: () => unknown
}) {
  const { open, mounted, setOpen } = useDialogState()
  usePageAction(openOn, () => setOpen(true))
  const { opener, focusOpener } = useDialogOpener(trigger, {
    open,
    onOpen: () => setOpen(true),
    preload: () => Promise.all([loadFrame(), preload?.()]),
  })
  return (
    <>
      {opener}
      {mounted && (
        <Suspense fallback={null}>
          <FormDialogFrame
            open={open}
            onOpenChange={setOpen}
            onClosed={focusOpener}
            className={className}
            title={title}
            description={description}
          >
            {open && children(() => setOpen(false))}
          </FormDialogFrame>
        </Suspense>
      )}
    </>
  )
}
