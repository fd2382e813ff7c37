import {
  cloneElement,
  isValidElement,
  useCallback,
  useId,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react'

/**
 * Open state for a dialog whose code loads on first use: `mounted` stays true from the first
 * opening on, so the dialog can play its closing and keep what it holds between openings.
 */
export function useDialogState(controlledOpen?: boolean, onOpenChange?: (open: boolean) => void) {
  const [ownOpen, setOwnOpen] = useState(false)
  const controlled = controlledOpen !== undefined
  const open = controlled ? controlledOpen : ownOpen
  const [mountedOnce, setMountedOnce] = useState(false)
  const setOpen = useCallback(
    (next: boolean) => {
      if (next) setMountedOnce(true)
      if (!controlled) setOwnOpen(next)
      onOpenChange?.(next)
    },
    [controlled, onOpenChange],
  )
  return { open, mounted: mountedOnce || open, setOpen }
}

type TriggerProps = {
  onClick?: (event: MouseEvent<HTMLElement>) => void
  onPointerEnter?: (event: unknown) => void
  onFocus?: (event: unknown) => void
}

/**
 * The control that opens a dialog, given the dialog's attributes and handlers: it loads the
 * dialog's code when pointed at or focused, so a click opens it at once. Returns the opener's id,
 * where focus goes back when the dialog closes.
 */
export function useDialogOpener(
  trigger: ReactNode,
  { open, onOpen, preload }: { open: boolean; onOpen: () => void; preload: () => unknown },
): { opener: ReactNode; focusOpener: () => void } {
  const openerId = useId()
  const focusOpener = useCallback(() => {
    document.querySelector<HTMLElement>(`[data-dialog-opener="${CSS.escape(openerId)}"]`)?.focus()
  }, [openerId])
  if (!isValidElement<TriggerProps>(trigger)) return { opener: trigger, focusOpener }
  const own = trigger.props
  const opener = cloneElement(trigger as ReactElement<TriggerProps & Record<string, unknown>>, {
    'aria-haspopup': 'dialog',
    'aria-expanded': open,
    'data-dialog-opener': openerId,
    onClick: (event: MouseEvent<HTMLElement>) => {
      own.onClick?.(event)
      if (!event.defaultPrevented) onOpen()
    },
    onPointerEnter: (event: unknown) => {
      own.onPointerEnter?.(event)
      void preload()
    },
    onFocus: (event: unknown) => {
      own.onFocus?.(event)
      void preload()
    },
  })
  return { opener, focusOpener }
}
