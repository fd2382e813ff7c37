import { Link } from '@tanstack/react-router'

import { useCapabilities } from '@/api/capabilities'
import { Icon } from '@/components/ui/icon'
import { navigationFor } from '@/lib/navigation'
import { cn } from '@/lib/utils'

export function AppSidebar({
  className,
  onNavigate,
}: {
  className?: string
  onNavigate?: () => void
}) {
  const navigation = navigationFor(useCapabilities())
  return (
    <nav
      aria-label="Main"
      className={cn('flex flex-col gap-6 bg-sidebar px-3 py-4 text-sidebar-foreground', className)}
    >
      <Link to="/" className="flex items-center gap-2 px-2 font-semibold" onClick={onNavigate}>
        <span
          aria-hidden
          className="grid size-6 place-items-center rounded-md bg-primary text-sm font-bold text-primary-foreground"
        >
          L
        </span>
        Letta Admin
      </Link>
      {navigation.map((section) => (
        <div key={section.title} className="flex flex-col gap-1">
          <h2 className="px-2 text-xs font-medium text-muted-foreground">{section.title}</h2>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  onClick={onNavigate}
                  activeOptions={{ exact: item.to === '/' }}
                  className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[status=active]:bg-sidebar-accent data-[status=active]:font-medium"
                >
                  <Icon node={item.icon} className="size-4" />
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}
