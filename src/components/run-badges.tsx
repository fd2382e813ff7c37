import { LoaderCircleIcon } from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Icon } from '@/components/ui/icon'

type BadgeVariant = 'default' | 'secondary' | 'destructive' | 'success' | 'warning' | 'outline'

const RUN_STATUS_VARIANTS: Record<string, BadgeVariant> = {
  created: 'outline',
  running: 'default',
  completed: 'success',
  failed: 'destructive',
  cancelled: 'warning',
}

/** A run's status in its colour; a status this console does not know is shown as plain text. */
export function RunStatusBadge({ status }: { status: string }) {
  const variant = Object.hasOwn(RUN_STATUS_VARIANTS, status)
    ? RUN_STATUS_VARIANTS[status]
    : undefined
  if (!variant) return <span className="text-xs">{status}</span>
  return (
    <Badge variant={variant} data-status={status}>
      {status === 'running' && (
        <Icon node={LoaderCircleIcon} aria-hidden className="animate-spin" />
      )}
      {status}
    </Badge>
  )
}

const FINE_STOP_REASONS = new Set(['end_turn', 'no_tool_call'])

/** Why a run stopped: the ordinary endings plain, the others marked as trouble. */
export function StopReason({ reason }: { reason: string | null | undefined }) {
  if (!reason) return <span className="text-muted-foreground">—</span>
  return (
    <Badge variant={FINE_STOP_REASONS.has(reason) ? 'outline' : 'warning'} className="font-mono">
      {reason}
    </Badge>
  )
}
