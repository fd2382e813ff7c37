import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { BotIcon } from 'lucide-react'
import { useEffect, useState } from 'react'

import { agentsQueryOptions } from '@/api/agents'
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
import { navigation } from '@/lib/navigation'

/** Ctrl/Cmd+K: jump to any page or switch the theme without the mouse. */
export function CommandPalette() {
  const [open, setOpen] = useState(false)
  const navigate = useNavigate()
  const { setTheme } = useTheme()
  // Asked for only while the palette is open; a failure just leaves agents out of the list.
  const agents = useQuery({ ...agentsQueryOptions({ search: '' }), enabled: open })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        setOpen((wasOpen) => !wasOpen)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  const run = (action: () => void) => {
    setOpen(false)
    action()
  }

  return (
    <CommandDialog open={open} onOpenChange={setOpen}>
      <CommandInput placeholder="Go to a page or run an action…" />
      <CommandList>
        <CommandEmpty>Nothing matches.</CommandEmpty>
        {navigation.map((section) => (
          <CommandGroup key={section.title} heading={section.title}>
            {section.items.map((item) => (
              <CommandItem
                key={item.to}
                value={`${section.title} ${item.title}`}
                keywords={item.keywords}
                onSelect={() => run(() => void navigate({ to: item.to }))}
              >
                <item.icon />
                {item.title}
              </CommandItem>
            ))}
          </CommandGroup>
        ))}
        {agents.data && agents.data.length > 0 && (
          <CommandGroup heading="Agents">
            {agents.data.map((agent) => (
              <CommandItem
                key={agent.id}
                value={`Agent ${agent.name} ${agent.id}`}
                keywords={agent.tags}
                onSelect={() =>
                  run(
                    () => void navigate({ to: '/agents/$agentId', params: { agentId: agent.id } }),
                  )
                }
              >
                <BotIcon />
                {agent.name}
              </CommandItem>
            ))}
          </CommandGroup>
        )}
        <CommandSeparator />
        <CommandGroup heading="Theme">
          {themeOptions.map((option) => (
            <CommandItem
              key={option.value}
              value={`Theme ${option.label}`}
              onSelect={() => run(() => setTheme(option.value))}
            >
              <option.icon />
              {option.label} theme
            </CommandItem>
          ))}
        </CommandGroup>
      </CommandList>
    </CommandDialog>
  )
}
