import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { batchesQueryOptions, isActiveBatch } from '@/api/batches'
import { LayersIcon, PlusIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { StateMessage } from '@/components/state-message'
import { TableCard } from '@/components/table-card'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatTimestamp } from '@/lib/format'

import { BatchStatus } from './batch-status'
import { NewBatchDialog } from './new-batch-dialog'

const DESCRIPTION = 'One message sent to many agents at once. Batches are jobs too, of type batch.'

export function BatchesPageSkeleton() {
  return (
    <>
      <PageHeader title="Batches" description={DESCRIPTION} />
      <div className="grid gap-2" aria-busy="true" aria-label="Loading batches">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    </>
  )
}

export function BatchesPage() {
  useSuspenseQuery(batchesQueryOptions())
  const { data: batches = [] } = useQuery({
    ...batchesQueryOptions(),
    refetchInterval: (query) => (query.state.data?.some(isActiveBatch) ? 1_000 : false),
  })
  const newButton = (
    <NewBatchDialog>
      <Button>
        <Icon node={PlusIcon} />
        New batch
      </Button>
    </NewBatchDialog>
  )
  return (
    <>
      <PageHeader title="Batches" description={DESCRIPTION} actions={newButton} />
      {batches.length === 0 ? (
        <StateMessage icon={LayersIcon} title="No batches yet" className="px-6 py-16">
          <p className="max-w-md text-sm text-muted-foreground">
            Start a batch to send one message to several agents and read their answers together.
          </p>
        </StateMessage>
      ) : (
        <TableCard
          head={
            <>
              <TableHead className="pl-4">Batch</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Requests</TableHead>
              <TableHead>Created</TableHead>
            </>
          }
        >
          {batches.map((batch) => (
            <TableRow key={batch.id}>
              <TableCell className="pl-4 font-mono text-xs">
                <Link
                  to="/batches/$batchId"
                  params={{ batchId: batch.id }}
                  className="underline-offset-4 hover:underline focus-visible:underline"
                >
                  {batch.id}
                </Link>
              </TableCell>
              <TableCell>
                <BatchStatus status={batch.status} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {String(batch.metadata.request_count ?? '—')}
              </TableCell>
              <TableCell className="text-muted-foreground">
                {formatTimestamp(batch.created_at, 'short')}
              </TableCell>
            </TableRow>
          ))}
        </TableCard>
      )}
    </>
  )
}
