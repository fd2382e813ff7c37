import { Badge } from '@/components/ui/badge'

const VARIANT: Record<string, 'success' | 'secondary' | 'destructive' | 'outline'> = {
  completed: 'success',
  failed: 'destructive',
  cancelled: 'outline',
}

/** A batch's or an item's status, as a word on a badge. */
export function BatchStatus({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? 'secondary'}>{status}</Badge>
}
