import type { ReactNode } from 'react'

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'

/** FormDialog's dialog itself, loaded on first use (see form-dialog.tsx). */
export default function FormDialogFrame({
  open,
  onOpenChange,
  onClosed,
  className,
  title,
  description,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Where focus goes on closing: the dialog has no trigger of its own to return to. */
  onClosed: () => void
  className?: string | undefined
  title: ReactNode
  description: ReactNode
  children: ReactNode
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className={className}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          onClosed()
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  )
}
