import { useState, type ReactNode } from 'react'

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog'

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
}: {
  trigger: ReactNode
  /** Classes for the dialog box, e.g. a wider one for a long form. */
  className?: string
  title: ReactNode
  description: ReactNode
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {open && children(() => setOpen(false))}
      </DialogContent>
    </Dialog>
  )
}
