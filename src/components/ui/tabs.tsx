import * as React from 'react'

import { rovingIndex } from '@/lib/roving-index'
import { cn } from '@/lib/utils'

interface TabsState {
  value: string
  select: (value: string) => void
  idFor: (part: 'tab' | 'panel', value: string) => string
}

const TabsContext = React.createContext<TabsState | null>(null)

function useTabs(): TabsState {
  const state = React.useContext(TabsContext)
  if (!state) throw new Error('Tab parts must be inside <Tabs>')
  return state
}

/**
 * WAI-ARIA tabs with automatic activation: the selected tab is the list's one tab stop, arrow keys
 * and Home/End move between tabs and select them. Controlled (`value` + `onValueChange`) or not
 * (`defaultValue`).
 */
export function Tabs({
  className,
  value: controlledValue,
  defaultValue = '',
  onValueChange,
  ...props
}: Omit<React.ComponentProps<'div'>, 'defaultValue'> & {
  value?: string
  defaultValue?: string
  onValueChange?: (value: string) => void
}) {
  const baseId = React.useId()
  const [ownValue, setOwnValue] = React.useState(defaultValue)
  const value = controlledValue ?? ownValue
  const state = React.useMemo<TabsState>(
    () => ({
      value,
      select: (next) => {
        if (next === value) return
        setOwnValue(next)
        onValueChange?.(next)
      },
      idFor: (part, tab) => `${baseId}-${part}-${tab}`,
    }),
    [value, baseId, onValueChange],
  )
  return (
    <TabsContext value={state}>
      <div data-slot="tabs" className={cn('flex flex-col gap-2', className)} {...props} />
    </TabsContext>
  )
}

export function TabsList({ className, onKeyDown, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      role="tablist"
      aria-orientation="horizontal"
      data-slot="tabs-list"
      className={cn(
        'inline-flex h-9 w-fit items-center justify-center rounded-lg bg-muted p-[3px] text-muted-foreground',
        className,
      )}
      onKeyDown={(event) => {
        onKeyDown?.(event)
        if (event.defaultPrevented) return
        const tabs = [
          ...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)'),
        ]
        const current = tabs.indexOf(event.target as HTMLButtonElement)
        if (current < 0) return
        const next = rovingIndex(event.key, current, tabs.length, {
          axis: 'horizontal',
          wrap: true,
        })
        if (next === null) return
        event.preventDefault()
        tabs[next]?.focus()
      }}
      {...props}
    />
  )
}

export function TabsTrigger({
  className,
  value,
  onFocus,
  onMouseDown,
  ...props
}: React.ComponentProps<'button'> & { value: string }) {
  const tabs = useTabs()
  const selected = tabs.value === value
  return (
    <button
      type="button"
      role="tab"
      id={tabs.idFor('tab', value)}
      aria-selected={selected}
      aria-controls={tabs.idFor('panel', value)}
      tabIndex={selected ? 0 : -1}
      data-state={selected ? 'active' : 'inactive'}
      data-slot="tabs-trigger"
      className={cn(
        'inline-flex h-[calc(100%-1px)] flex-1 items-center justify-center gap-1.5 rounded-md border border-transparent px-2 py-1 text-sm font-medium whitespace-nowrap text-foreground transition-[color,box-shadow] focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-1 disabled:pointer-events-none disabled:opacity-50 data-[state=active]:bg-background data-[state=active]:shadow-sm dark:text-muted-foreground dark:data-[state=active]:border-input dark:data-[state=active]:bg-input/30 dark:data-[state=active]:text-foreground',
        className,
      )}
      onMouseDown={(event) => {
        onMouseDown?.(event)
        if (event.button === 0 && !event.ctrlKey) tabs.select(value)
      }}
      onFocus={(event) => {
        onFocus?.(event)
        tabs.select(value)
      }}
      {...props}
    />
  )
}

/** A tab's panel: unmounted while its tab is not selected unless `forceMount` keeps it. */
export function TabsContent({
  className,
  value,
  forceMount = false,
  ...props
}: React.ComponentProps<'div'> & { value: string; forceMount?: boolean }) {
  const tabs = useTabs()
  const selected = tabs.value === value
  if (!selected && !forceMount) return null
  return (
    <div
      role="tabpanel"
      id={tabs.idFor('panel', value)}
      aria-labelledby={tabs.idFor('tab', value)}
      tabIndex={0}
      data-state={selected ? 'active' : 'inactive'}
      data-slot="tabs-content"
      className={cn('flex-1 outline-none', className)}
      {...props}
    />
  )
}
