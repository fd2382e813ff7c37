import { CircleIcon, MonitorIcon, MoonIcon, SunIcon } from 'lucide-react'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

import { useTheme, type Theme } from '@/components/theme-provider'
import { Button } from '@/components/ui/button'

export const themeOptions: { value: Theme; label: string; icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light', icon: SunIcon },
  { value: 'dark', label: 'Dark', icon: MoonIcon },
  { value: 'system', label: 'System', icon: MonitorIcon },
]

/**
 * The header's theme menu, following the WAI-ARIA menu-button pattern: arrow keys, Home/End,
 * Enter/Space, Escape and Tab. Written here rather than on the dropdown primitive, whose
 * positioning code would otherwise be on every page's first load.
 */
export function ThemeToggle() {
  const { theme, resolvedTheme, setTheme } = useTheme()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const itemRefs = useRef<(HTMLDivElement | null)[]>([])
  const menuId = useId()
  const Icon = resolvedTheme === 'dark' ? MoonIcon : SunIcon

  const openAt = (index: number) => {
    setActive(index)
    setOpen(true)
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }
  const choose = (value: Theme) => {
    setTheme(value)
    close(true)
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
    themeOptions.findIndex((option) => option.value === theme),
  )
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openAt(event.key === 'ArrowDown' ? 0 : themeOptions.length - 1)
    }
  }
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const last = themeOptions.length - 1
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    }
    if (event.key in moves) {
      event.preventDefault()
      setActive(moves[event.key] ?? 0)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'Tab') {
      close(false)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      const option = themeOptions[active]
      if (option) choose(option.value)
    }
  }

  return (
    <div className="relative">
      <Button
        ref={buttonRef}
        variant="ghost"
        size="icon"
        aria-label="Theme"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(checkedIndex))}
        onKeyDown={onButtonKeyDown}
      >
        <Icon />
      </Button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Theme"
          onKeyDown={onMenuKeyDown}
          className="absolute top-full right-0 z-50 mt-1 min-w-[8rem] rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {themeOptions.map((option, index) => (
            <div
              key={option.value}
              ref={(element) => {
                itemRefs.current[index] = element
              }}
              role="menuitemradio"
              aria-checked={option.value === theme}
              tabIndex={index === active ? 0 : -1}
              onClick={() => choose(option.value)}
              onPointerMove={() => setActive(index)}
              className="relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-2 pl-8 text-sm outline-hidden select-none focus:bg-accent focus:text-accent-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4"
            >
              <span className="pointer-events-none absolute left-2 flex size-3.5 items-center justify-center">
                {option.value === theme && <CircleIcon className="size-2 fill-current" />}
              </span>
              <option.icon />
              {option.label}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
