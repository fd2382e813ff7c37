import { useRef } from 'react'

import { AppSidebar } from '@/components/app-sidebar'
import { MenuIcon, XIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { focusPendingHeading } from '@/lib/page-focus'

/**
 * The navigation at phone width: a drawer on the browser's own modal <dialog> (the page behind is
 * inert, Escape closes, focus returns to the opener), so no dialog library is on the first page.
 */
export function MobileNav() {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const close = () => dialogRef.current?.close()
  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="md:hidden"
        aria-label="Open navigation"
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
      >
        <Icon node={MenuIcon} />
      </Button>
      <dialog
        ref={dialogRef}
        aria-label="Navigation"
        // A press on the backdrop lands on the dialog itself; the drawer's content fills the rest.
        onClick={(event) => {
          if (event.target === event.currentTarget) close()
        }}
        // When a link led to another page, its heading takes focus from the restored opener.
        onClose={focusPendingHeading}
        className="fixed inset-y-0 left-0 m-0 h-full max-h-none w-64 max-w-[85vw] border-r bg-sidebar p-0 text-sidebar-foreground backdrop:bg-black/40 open:flex open:flex-col md:hidden"
      >
        <Button
          variant="ghost"
          size="icon"
          className="absolute top-3 right-2"
          aria-label="Close navigation"
          onClick={close}
        >
          <Icon node={XIcon} />
        </Button>
        <AppSidebar className="h-full" onNavigate={close} />
      </dialog>
    </>
  )
}
