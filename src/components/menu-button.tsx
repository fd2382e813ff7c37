import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react'

import { CircleIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { rovingIndex } from '@/lib/roving-index'
import { cn } from '@/lib/utils'

/** One choice of the menu's radio group. */
export interface MenuChoice {
  value: string
  /** What the item shows; its text is the item's accessible name. */
  label: ReactNode
}

/** An item below the choices that does something instead of choosing. */
export interface MenuAction {
  key: string
  label: ReactNode
  onSelect: () => void
}

/** What the trigger button needs from the menu: spread these onto a <button>. */
export interface MenuTriggerProps {
  ref: Ref<HTMLButtonElement>
  'aria-haspopup': 'menu'
  'aria-expanded': boolean
  'aria-controls': string | undefined
  onClick: () => void
  onKeyDown: (event: KeyboardEvent) => void
}

const itemClasses =
  "relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-2 text-sm outline-hidden select-none focus:bg-accent focus:text-accent-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4"

/**
 * A button opening a menu of radio choices, then actions, following the WAI-ARIA menu-button
 * pattern: arrow keys, Home/End, Enter/Space, Escape and Tab. Written here rather than on the
 * dropdown primitive, whose positioning code would otherwise be on every page's first load.
 */
export function MenuButton({
  label,
  heading,
  choices,
  value,
  onChoose,
  actions = [],
  align = 'end',
  menuClassName,
  trigger,
}: {
  /** The menu's accessible name. */
  label: string
  /** A visible title above the choices. */
  heading?: string
  choices: readonly MenuChoice[]
  value: string
  onChoose: (value: string) => void
  actions?: readonly MenuAction[]
  align?: 'start' | 'end'
  menuClassName?: string
  trigger: (props: MenuTriggerProps) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const itemRefs = useRef<(HTMLDivElement | null)[]>([])
  const menuId = useId()
  const itemCount = choices.length + actions.length

  const openAt = (index: number) => {
    setActive(index)
    setOpen(true)
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }
  const select = (index: number) => {
    close(true)
    const choice = choices[index]
    if (choice) onChoose(choice.value)
    else actions[index - choices.length]?.onSelect()
  }

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus()
  }, [open, active])

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const checkedIndex = Math.max(
    0,
    choices.findIndex((choice) => choice.value === value),
  )
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openAt(event.key === 'ArrowDown' ? 0 : itemCount - 1)
    }
  }
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const next = rovingIndex(event.key, active, itemCount, { axis: 'vertical', wrap: true })
    if (next !== null) {
      event.preventDefault()
      setActive(next)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'Tab') {
      close(false)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      select(active)
    }
  }
  const itemProps = (index: number) => ({
    ref: (element: HTMLDivElement | null) => {
      itemRefs.current[index] = element
    },
    tabIndex: index === active ? 0 : -1,
    onClick: () => select(index),
    onPointerMove: () => setActive(index),
  })

  return (
    <div className="relative flex min-w-0">
      {trigger({
        ref: buttonRef,
        'aria-haspopup': 'menu',
        'aria-expanded': open,
        'aria-controls': open ? menuId : undefined,
        onClick: () => (open ? close(false) : openAt(checkedIndex)),
        onKeyDown: onButtonKeyDown,
      })}
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className={cn(
            'absolute top-full z-50 mt-1 min-w-[8rem] rounded-md border bg-popover p-1 text-popover-foreground shadow-md',
            align === 'end' ? 'right-0' : 'left-0',
            menuClassName,
          )}
        >
          {heading && (
            <div aria-hidden className="px-2 py-1.5 text-sm font-medium">
              {heading}
            </div>
          )}
          <div role="group">
            {choices.map((choice, index) => (
              <div
                key={choice.value}
                {...itemProps(index)}
                role="menuitemradio"
                aria-checked={choice.value === value}
                className={cn(itemClasses, 'pl-8')}
              >
                <span className="pointer-events-none absolute left-2 flex size-3.5 items-center justify-center">
                  {choice.value === value && (
                    <Icon node={CircleIcon} className="size-2 fill-current" />
                  )}
                </span>
                {choice.label}
              </div>
            ))}
          </div>
          {actions.length > 0 && <div role="separator" className="-mx-1 my-1 h-px bg-border" />}
          {actions.map((action, index) => (
            <div
              key={action.key}
              {...itemProps(choices.length + index)}
              role="menuitem"
              className={cn(itemClasses, 'px-2')}
            >
              {action.label}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
