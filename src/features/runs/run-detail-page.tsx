import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'

import { agentQueryOptions } from '@/api/agents'
import {
  isActiveRun,
  runMessagesQueryOptions,
  runQueryOptions,
  runUsageQueryOptions,
  type Run,
} from '@/api/runs'
import { DetailItem, DetailList } from '@/components/detail-list'
import { ArrowLeftIcon, MessagesSquareIcon } from '@/components/icons'
import { MessageError, MessageList } from '@/components/messages/message-item'
import { PageHeader } from '@/components/page-header'
import { RunStatusBadge, StopReason } from '@/components/run-badges'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDuration, formatTimestamp } from '@/lib/format'
import { useNow } from '@/lib/use-now'

import { RunSteps } from './run-steps'
import { runDurationMs } from './runs-search'

const routeApi = getRouteApi('/runs/$runId')

const ACTIVE_REFRESH_MS = 2_000
const whileActive = (run: Run | undefined) => (run && isActiveRun(run) ? ACTIVE_REFRESH_MS : false)

/** The reason a failed run stored, if any. */
export function runError(run: Run): string | undefined {
  const error = run.metadata.error
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && 'message' in error) return String(error.message)
  return undefined
}

export function RunDetailSkeleton() {
  return (
    <>
      <PageHeader title="Run" />
      <div className="grid gap-4" aria-busy="true" aria-label="Loading the run">
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    </>
  )
}

export function RunDetailPage() {
  const { runId } = routeApi.useParams()
  const { data: run } = useSuspenseQuery({
    ...runQueryOptions(runId),
    refetchInterval: (query) => whileActive(query.state.data),
  })
  const active = isActiveRun(run)
  const now = useNow(active ? 1_000 : null)
  const agent = useQuery(agentQueryOptions(run.agent_id))
  const usage = useQuery({ ...runUsageQueryOptions(runId), refetchInterval: whileActive(run) })
  const error = runError(run)

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2">
        <Link to="/runs">
          <Icon node={ArrowLeftIcon} />
          Runs
        </Link>
      </Button>
      <PageHeader
        title={run.id}
        heading={<span className="font-mono text-xl">{run.id}</span>}
        description={
          <>
            A run of{' '}
            <Link
              to="/agents/$agentId"
              params={{ agentId: run.agent_id }}
              className="underline underline-offset-4"
            >
              {agent.data?.name ?? run.agent_id}
            </Link>
          </>
        }
      />
      <div className="grid gap-4">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Summary</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <DetailList>
              <DetailItem label="Status">
                <RunStatusBadge status={run.status} />
              </DetailItem>
              <DetailItem label="Stop reason">
                <StopReason reason={run.stop_reason} />
              </DetailItem>
              <DetailItem label="Started">{formatTimestamp(run.created_at, 'medium')}</DetailItem>
              <DetailItem label="Finished">
                {formatTimestamp(run.completed_at, 'medium')}
              </DetailItem>
              <DetailItem label="Duration">{formatDuration(runDurationMs(run, now))}</DetailItem>
              <DetailItem label="Tokens">
                {usage.data ? (
                  <span className="tabular-nums">
                    {usage.data.total_tokens.toLocaleString()} total (
                    {usage.data.prompt_tokens.toLocaleString()} prompt,{' '}
                    {usage.data.completion_tokens.toLocaleString()} completion)
                  </span>
                ) : usage.isError ? (
                  <span className="text-destructive">Could not load: {usage.error.message}</span>
                ) : (
                  '—'
                )}
              </DetailItem>
            </DetailList>
            {error && <MessageError title="Error">{error}</MessageError>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Steps</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <RunSteps runId={runId} refetchInterval={whileActive(run)} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Transcript</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <RunTranscript runId={runId} refetchInterval={whileActive(run)} />
          </CardContent>
        </Card>
      </div>
    </>
  )
}

function RunTranscript({
  runId,
  refetchInterval,
}: {
  runId: string
  refetchInterval: number | false
}) {
  const messages = useQuery({ ...runMessagesQueryOptions(runId), refetchInterval })
  if (messages.isPending) return <Skeleton className="h-24 w-full" />
  if (messages.isError) {
    return (
      <LoadErrorMessage
        title="Could not load the transcript"
        error={messages.error}
        onRetry={() => void messages.refetch()}
      />
    )
  }
  if (messages.data.length === 0) {
    return <StateMessage icon={MessagesSquareIcon} title="This run has no messages" />
  }
  return <MessageList aria-label="Transcript" messages={messages.data} />
}
