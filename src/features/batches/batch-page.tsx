import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'

import {
  batchItemsQueryOptions,
  batchMessagesQueryOptions,
  batchQueryOptions,
  isActiveBatch,
  useCancelBatch,
  whileActive,
  type BatchItem,
} from '@/api/batches'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DetailItem, DetailList } from '@/components/detail-list'
import { ArrowLeftIcon, ChevronRightIcon, ChevronsLeftIcon, CircleXIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage } from '@/components/state-message'
import { TableCard } from '@/components/table-card'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatTimestamp } from '@/lib/format'

import { groupByItem, messageText } from './batch-messages'
import { BatchStatus } from './batch-status'

const routeApi = getRouteApi('/batches/$batchId')

export function BatchPageSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading batch">
      <Skeleton className="h-8 w-80" />
      <Skeleton className="h-40 w-full" />
    </div>
  )
}

export function BatchPage() {
  const { batchId } = routeApi.useParams()
  useSuspenseQuery(batchQueryOptions(batchId))
  const batch = useQuery({
    ...batchQueryOptions(batchId),
    refetchInterval: (query) => whileActive(query.state.data),
  })
  const job = batch.data
  const cancel = useCancelBatch()
  if (!job) return null
  const active = isActiveBatch(job)
  const error = typeof job.metadata.error === 'string' ? job.metadata.error : null

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2">
        <Link to="/batches">
          <Icon node={ArrowLeftIcon} />
          Batches
        </Link>
      </Button>
      <PageHeader
        title="Batch"
        description={<span className="font-mono">{job.id}</span>}
        actions={
          active && (
            <ConfirmDialog
              trigger={
                <Button variant="outline">
                  <Icon node={CircleXIcon} />
                  Cancel batch
                </Button>
              }
              title="Cancel this batch?"
              description="Requests not yet run will not run, and those running stop. Messages already written stay."
              confirmLabel="Cancel batch"
              cancelLabel="Keep running"
              onConfirm={() => cancel.mutateAsync(batchId)}
            />
          )
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent>
            <DetailList>
              <DetailItem label="Status">
                <BatchStatus status={job.status} />
              </DetailItem>
              <DetailItem label="Created">{formatTimestamp(job.created_at, 'medium')}</DetailItem>
              <DetailItem label="Finished">
                {formatTimestamp(job.completed_at, 'medium')}
              </DetailItem>
              <DetailItem label="Outcome">
                {job.metadata.completed_count === undefined
                  ? '—'
                  : `${String(job.metadata.completed_count)} completed, ${String(job.metadata.failed_count)} failed`}
                {error ? ` · ${error}` : ''}
              </DetailItem>
              <DetailItem label="Job">
                <Link to="/jobs/$jobId" params={{ jobId: job.id }} className="underline">
                  Open among jobs
                </Link>
              </DetailItem>
            </DetailList>
          </CardContent>
        </Card>
        <BatchItems batchId={batchId} active={active} />
        <BatchMessages batchId={batchId} active={active} />
      </div>
    </>
  )
}

function BatchItems({ batchId, active }: { batchId: string; active: boolean }) {
  const items = useQuery({
    ...batchItemsQueryOptions(batchId),
    refetchInterval: active ? 1_000 : false,
  })
  return (
    <section aria-labelledby="items-heading" className="grid gap-3">
      <h2 id="items-heading" className="text-lg font-semibold">
        Requests
      </h2>
      {items.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : items.isError ? (
        <LoadErrorMessage
          title="Could not load the requests"
          error={items.error}
          onRetry={() => void items.refetch()}
        />
      ) : (
        <TableCard
          aria-label="Requests"
          head={
            <>
              <TableHead className="pl-4">#</TableHead>
              <TableHead>Agent</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Run</TableHead>
              <TableHead>Reason</TableHead>
            </>
          }
        >
          {items.data.map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
        </TableCard>
      )}
    </section>
  )
}

function ItemRow({ item }: { item: BatchItem }) {
  return (
    <TableRow>
      <TableCell className="pl-4 tabular-nums">{item.position + 1}</TableCell>
      <TableCell className="font-mono text-xs">
        {item.run_id ? (
          <Link to="/agents/$agentId" params={{ agentId: item.agent_id }} className="underline">
            {item.agent_id}
          </Link>
        ) : (
          item.agent_id
        )}
      </TableCell>
      <TableCell>
        <BatchStatus status={item.status} />
      </TableCell>
      <TableCell className="font-mono text-xs">
        {item.run_id ? (
          <Link to="/runs/$runId" params={{ runId: item.run_id }} className="underline">
            {item.run_id.slice(0, 12)}…
          </Link>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell className="max-w-sm text-sm break-words text-muted-foreground">
        {item.error ?? '—'}
      </TableCell>
    </TableRow>
  )
}

function BatchMessages({ batchId, active }: { batchId: string; active: boolean }) {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const page = useQuery({
    ...batchMessagesQueryOptions(batchId, { order: search.order, cursor: search.cursor }),
    refetchInterval: active ? 1_000 : false,
  })
  const groups = page.data ? groupByItem(page.data.messages) : []
  const lastId = page.data?.messages.at(-1)?.id
  return (
    <section aria-labelledby="messages-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="messages-heading" className="text-lg font-semibold">
          Messages
        </h2>
        <div className="flex gap-2" role="group" aria-label="Order">
          <Button
            size="sm"
            variant={search.order === 'asc' ? 'default' : 'outline'}
            aria-pressed={search.order === 'asc'}
            onClick={() => void navigate({ search: { order: 'asc', cursor: undefined } })}
          >
            Oldest first
          </Button>
          <Button
            size="sm"
            variant={search.order === 'desc' ? 'default' : 'outline'}
            aria-pressed={search.order === 'desc'}
            onClick={() => void navigate({ search: { order: 'desc', cursor: undefined } })}
          >
            Newest first
          </Button>
        </div>
      </div>
      {page.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : page.isError ? (
        <LoadErrorMessage
          title="Could not load the messages"
          error={page.error}
          onRetry={() => void page.refetch()}
        />
      ) : groups.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {active ? 'No messages yet; the requests are running.' : 'This batch wrote no messages.'}
        </p>
      ) : (
        <ol className="grid gap-3">
          {groups.map((group, index) => (
            <li key={`${group.itemId}-${index}`}>
              <Card className="py-3" aria-label={`Messages of agent ${group.agentId}`}>
                <CardContent className="grid gap-2">
                  <p className="font-mono text-xs text-muted-foreground">
                    {group.agentId} · {group.itemId}
                  </p>
                  <ul className="grid gap-1.5">
                    {group.messages.map((message) => (
                      <li key={message.id} className="grid grid-cols-[5.5rem_1fr] gap-2 text-sm">
                        <span className="text-muted-foreground">{message.role}</span>
                        <span className="break-words whitespace-pre-wrap">
                          {messageText(message)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Message pages" className="flex justify-end gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={!search.cursor}
          onClick={() => void navigate({ search: (prev) => ({ ...prev, cursor: undefined }) })}
        >
          <Icon node={ChevronsLeftIcon} />
          First page
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!page.data?.hasMore || !lastId}
          onClick={() => void navigate({ search: (prev) => ({ ...prev, cursor: lastId }) })}
        >
          Next page
          <Icon node={ChevronRightIcon} />
        </Button>
      </nav>
    </section>
  )
}
