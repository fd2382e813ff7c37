import { LoaderCircleIcon } from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

type BadgeVariant = 'default' | 'secondary' | 'destructive' | 'success' | 'warning' | 'outline'

const STATUS_VARIANTS: Record<string, BadgeVariant> = {
  created: 'outline',
  pending: 'secondary',
  running: 'default',
  completed: 'success',
  failed: 'destructive',
  cancelled: 'warning',
  expired: 'secondary',
}

/** A job's status in its colour; a status this console does not know is shown as plain text. */
export function JobStatusBadge({ status, className }: { status: string; className?: string }) {
  const variant = Object.hasOwn(STATUS_VARIANTS, status) ? STATUS_VARIANTS[status] : undefined
  if (!variant) {
    return (
      <span data-status={status} className={cn('text-xs', className)}>
        {status}
      </span>
    )
  }
  return (
    <Badge variant={variant} data-status={status} className={className}>
      {status === 'running' && (
        <Icon node={LoaderCircleIcon} aria-hidden className="animate-spin" />
      )}
      {status}
    </Badge>
  )
}
