import { MonitorIcon, MoonIcon, SunIcon, type IconNode } from '@/components/icons'
import { MenuButton } from '@/components/menu-button'
import { useTheme, type Theme } from '@/components/theme-provider'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

export const themeOptions: { value: Theme; label: string; icon: IconNode }[] = [
  { value: 'light', label: 'Light', icon: SunIcon },
  { value: 'dark', label: 'Dark', icon: MoonIcon },
  { value: 'system', label: 'System', icon: MonitorIcon },
]

const themeChoices = themeOptions.map((option) => ({
  value: option.value,
  label: (
    <>
      <Icon node={option.icon} />
      {option.label}
    </>
  ),
}))

const isTheme = (value: string): value is Theme =>
  themeOptions.some((option) => option.value === value)

/** The header's theme menu. */
export function ThemeToggle() {
  const { theme, resolvedTheme, setTheme } = useTheme()
  const icon = resolvedTheme === 'dark' ? MoonIcon : SunIcon
  return (
    <MenuButton
      label="Theme"
      choices={themeChoices}
      value={theme}
      onChoose={(value) => {
        if (isTheme(value)) setTheme(value)
      }}
      trigger={(props) => (
        <Button {...props} variant="ghost" size="icon" aria-label="Theme">
          <Icon node={icon} />
        </Button>
      )}
    />
  )
}
