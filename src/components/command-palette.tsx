import { useNavigate } from '@tanstack/react-router'

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

/**
 * Jump to any page or switch the theme without the mouse. The shell opens it (Ctrl/Cmd+K) and
 * loads this module only then, so the first page does not carry the dialog's code.
 */
export default function CommandPalette({
  open,
  onOpenChange: setOpen,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const navigate = useNavigate()
  const { setTheme } = useTheme()

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
