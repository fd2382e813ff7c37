import { useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate } from '@tanstack/react-router'
import { useState, type RefObject } from 'react'

import { useCapabilities } from '@/api/capabilities'
import { DatabaseIcon, SunMoonIcon, UploadIcon, WrenchIcon } from '@/components/icons'
import { PALETTE_RESOURCES } from '@/components/palette-resources'
import { useTheme } from '@/components/theme-provider'
import { themeOptions } from '@/components/theme-toggle'
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
} from '@/components/ui/command'
import { Icon } from '@/components/ui/icon'
import { navigationFor } from '@/lib/navigation'
import { requestPageAction } from '@/lib/page-actions'
import { takeHeadingFocus } from '@/lib/page-focus'
import { useDebouncedValue } from '@/lib/use-debounced-value'

/**
 * Ctrl/Cmd+K: jump to any page, tool, source or job by name, or run an action, without the mouse.
 * The shell opens it and loads this module only then, so the first page does not carry its code.
 */
export default function CommandPalette({
  open,
  onOpenChange: setOpen,
  openerRef,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** What had focus when the palette opened (the code editor, say): it gets focus back. */
  openerRef: RefObject<HTMLElement | null>
}) {
  const [search, setSearch] = useState('')
  const navigate = useNavigate()
  const pathname = useLocation({ select: (location) => location.pathname })
  const { resolvedTheme, setTheme } = useTheme()
  const navigation = navigationFor(useCapabilities())

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) setSearch('')
  }
  const run = (action: () => void) => {
    onOpenChange(false)
    action()
  }
  const onSourcePage = /^\/sources\/[^/]+$/.test(pathname)

  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      onCloseAutoFocus={(event) => {
        takeHeadingFocus(event)
        const opener = openerRef.current
        if (event.defaultPrevented || !opener?.isConnected) return
        event.preventDefault()
        opener.focus()
      }}
    >
      <CommandInput
        placeholder="Search tools, sources, jobs, pages and actions…"
        value={search}
        onValueChange={setSearch}
      />
      <CommandList>
        <CommandEmpty>Nothing matches.</CommandEmpty>
        <CommandGroup heading="Actions">
          <CommandItem
            value="New tool"
            keywords={['create', 'python', 'function']}
            onSelect={() =>
              run(() => {
                requestPageAction('new-tool')
                void navigate({ to: '/tools' })
              })
            }
          >
            <Icon node={WrenchIcon} />
            New tool
          </CommandItem>
          <CommandItem
            value="New source"
            keywords={['create', 'folder', 'documents']}
            onSelect={() =>
              run(() => {
                requestPageAction('new-source')
                void navigate({ to: '/sources' })
              })
            }
          >
            <Icon node={DatabaseIcon} />
            New source
          </CommandItem>
          {onSourcePage && (
            <CommandItem
              value="Upload files to this source"
              keywords={['add', 'documents', 'file']}
              onSelect={() => run(() => requestPageAction('upload-files'))}
            >
              <Icon node={UploadIcon} />
              Upload files to this source
            </CommandItem>
          )}
          <CommandItem
            value="Toggle theme"
            keywords={['dark', 'light', 'mode', 'colour', 'color']}
            onSelect={() => run(() => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark'))}
          >
            <Icon node={SunMoonIcon} />
            Toggle theme ({resolvedTheme === 'dark' ? 'to light' : 'to dark'})
          </CommandItem>
        </CommandGroup>
        <CommandSeparator />
        {open && (
          <ResourceResults
            search={search}
            onSelect={(href) => run(() => void navigate({ href }))}
          />
        )}
        {navigation.map((section) => (
          <CommandGroup key={section.title} heading={section.title}>
            {section.items.map((item) => (
              <CommandItem
                key={item.to}
                value={`${section.title} ${item.title}`}
                keywords={item.keywords}
                onSelect={() => run(() => void navigate({ to: item.to }))}
              >
                <Icon node={item.icon} />
                {item.title}
              </CommandItem>
            ))}
          </CommandGroup>
        ))}
        <CommandSeparator />
        <CommandGroup heading="Theme">
          {themeOptions.map((option) => (
            <CommandItem
              key={option.value}
              value={`Theme ${option.label}`}
              onSelect={() => run(() => setTheme(option.value))}
            >
              <Icon node={option.icon} />
              {option.label} theme
            </CommandItem>
          ))}
        </CommandGroup>
      </CommandList>
    </CommandDialog>
  )
}

/** What each searchable resource finds by name, once something is typed. */
function ResourceResults({
  search,
  onSelect,
}: {
  search: string
  onSelect: (href: string) => void
}) {
  const term = useDebouncedValue(search.trim(), 150)
  const results = useQuery({
    queryKey: ['command-palette', term],
    // A resource that cannot be searched leaves the others' results standing.
    queryFn: ({ client }) =>
      Promise.all(PALETTE_RESOURCES.map((resource) => resource.find(client, term).catch(() => []))),
    enabled: term.length > 0,
    staleTime: 5_000,
    placeholderData: (previous) => previous,
  })
  if (term.length === 0 || !results.data) return null
  return PALETTE_RESOURCES.map((resource, index) => {
    const entries = results.data[index] ?? []
    if (entries.length === 0) return null
    return (
      <CommandGroup key={resource.heading} heading={resource.heading}>
        {entries.map((entry) => (
          <CommandItem
            key={entry.id}
            // The name is what is matched; the id keeps two items of the same name apart.
            value={`${resource.heading} ${entry.label} ${entry.id}`}
            onSelect={() => onSelect(entry.href)}
          >
            <Icon node={resource.icon} />
            <span className="truncate">{entry.label}</span>
            {entry.detail && (
              <span className="ml-auto max-w-[45%] truncate text-xs text-muted-foreground">
                {entry.detail}
              </span>
            )}
          </CommandItem>
        ))}
      </CommandGroup>
    )
  })
}
