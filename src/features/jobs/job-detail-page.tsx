import { useQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'

import { ApiError } from '@/api/client'
import { isActiveJob, jobQueryOptions, type Job } from '@/api/jobs'
import { DetailItem, DetailList } from '@/components/detail-list'
import { ArrowLeftIcon, SearchXIcon, TriangleAlertIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { PageHeading } from '@/components/page-heading'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/lib/use-now'

import { CancelJobButton, DeleteJobButton } from './job-actions'
import { formatDateTime, jobError, jobKindLabel, jobSubject } from './job-format'
import { jobRefetchInterval } from './job-polling'
import { JobProgressBar } from './job-progress-bar'
import { JobStatusBadge } from './job-status-badge'
import { JobTimeline } from './job-timeline'
import { JsonTree } from './json-tree'
import { FileLabel, SourceLabel } from './source-label'
import { useSourceNames } from './use-source-names'

const routeApi = getRouteApi('/jobs/$jobId')

function BackToJobs() {
  return (
    <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2 text-muted-foreground">
      <Link to="/jobs">
        <Icon node={ArrowLeftIcon} />
        Jobs
      </Link>
    </Button>
  )
}

/** The page for a job id the server does not know (never existed, or deleted). */
export function JobNotFound() {
  const { jobId } = routeApi.useParams()
  return (
    <div
      className="mx-auto mt-12 flex max-w-lg flex-col items-center gap-3 text-center"
      role="status"
    >
      <Icon node={SearchXIcon} className="size-8 text-muted-foreground" />
      <PageHeading title="Job not found" className="text-lg" />
      <p className="text-sm break-all text-muted-foreground">
        The server has no job <span className="font-mono">{jobId}</span>. It may have been deleted.
      </p>
      <Button asChild variant="outline">
        <Link to="/jobs">All jobs</Link>
      </Button>
    </div>
  )
}

export function JobDetailSkeleton() {
  return (
    <>
      <BackToJobs />
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
    </>
  )
}

function CallbackCard({ job }: { job: Job }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Callback</CardTitle>
        <CardDescription>
          {job.callback_url
            ? 'The server POSTs the finished job to this address.'
            : 'No callback address was given for this job.'}
        </CardDescription>
      </CardHeader>
      {job.callback_url && (
        <CardContent>
          <DetailList>
            <DetailItem label="URL">
              <span className="font-mono text-xs break-all">{job.callback_url}</span>
            </DetailItem>
            <DetailItem label="Sent">
              {job.callback_sent_at ? (
                <time dateTime={job.callback_sent_at}>{formatDateTime(job.callback_sent_at)}</time>
              ) : isActiveJob(job) ? (
                <span className="text-muted-foreground">When the job finishes</span>
              ) : (
                <span className="text-muted-foreground">Not yet</span>
              )}
            </DetailItem>
            <DetailItem label="Answer">
              {job.callback_status_code === null ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                <span
                  className={
                    job.callback_status_code >= 200 && job.callback_status_code < 300
                      ? 'text-success'
                      : 'text-destructive'
                  }
                >
                  HTTP {job.callback_status_code}
                </span>
              )}
            </DetailItem>
            {job.callback_error && (
              <DetailItem label="Error">
                <span className="text-destructive">{job.callback_error}</span>
              </DetailItem>
            )}
          </DetailList>
        </CardContent>
      )}
    </Card>
  )
}

export function JobDetailPage() {
  const { jobId } = routeApi.useParams()
  const job = useQuery({
    ...jobQueryOptions(jobId),
    refetchInterval: jobRefetchInterval,
    refetchIntervalInBackground: false,
  })
  const active = job.data ? isActiveJob(job.data) : false
  const now = useNow(active ? 1_000 : null)
  const { names, loaded } = useSourceNames()

  if (job.isPending) return <JobDetailSkeleton />
  if (job.isError) {
    if (job.error instanceof ApiError && job.error.status === 404) return <JobNotFound />
    return (
      <div
        role="alert"
        className="mx-auto mt-12 flex max-w-lg flex-col items-center gap-3 text-center"
      >
        <Icon node={TriangleAlertIcon} className="size-8 text-destructive" />
        <PageHeading title="Could not load the job" className="text-lg" />
        <p className="text-sm text-muted-foreground">{job.error.message}</p>
        <Button onClick={() => void job.refetch()}>Try again</Button>
      </div>
    )
  }

  const data = job.data
  const subject = jobSubject(data)
  const error = jobError(data)
  const failed = data.status === 'failed' || data.status === 'expired'

  return (
    <>
      <BackToJobs />
      <PageHeader
        title={subject.fileName ?? jobKindLabel(data)}
        heading={
          <span className="flex flex-wrap items-center gap-3">
            {subject.fileName ?? jobKindLabel(data)}
            <JobStatusBadge status={data.status} className="text-sm" />
          </span>
        }
        description={<span className="font-mono break-all">{data.id}</span>}
        actions={active ? <CancelJobButton job={data} /> : <DeleteJobButton job={data} />}
      />
      {(failed || error) && (
        <div
          role="alert"
          className="mb-4 flex gap-3 rounded-lg border border-destructive/40 bg-destructive/10 p-4 text-sm"
        >
          <Icon node={TriangleAlertIcon} className="mt-0.5 size-4 shrink-0 text-destructive" />
          <div className="min-w-0">
            <p className="font-medium text-destructive">
              {data.status === 'failed' ? 'The job failed' : 'The job reported an error'}
            </p>
            <p className="break-words">{error ?? 'The server gave no reason.'}</p>
            {data.stop_reason && (
              <p className="mt-1 text-xs text-muted-foreground">Stop reason: {data.stop_reason}</p>
            )}
          </div>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <JobTimeline job={data} now={now} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList>
              <DetailItem label="Type">
                {data.job_type === 'batch' ? (
                  <Link to="/batches/$batchId" params={{ batchId: data.id }} className="underline">
                    {jobKindLabel(data)}: open its requests and messages
                  </Link>
                ) : (
                  jobKindLabel(data)
                )}
              </DetailItem>
              <DetailItem label="Source">
                <SourceLabel sourceId={subject.sourceId} names={names} loaded={loaded} />
              </DetailItem>
              <DetailItem label="File">
                <FileLabel
                  sourceId={subject.sourceId}
                  fileId={subject.fileId}
                  fileName={subject.fileName}
                  names={names}
                />
                {subject.fileName && subject.fileId && (
                  <span className="block font-mono text-xs text-muted-foreground">
                    {subject.fileId}
                  </span>
                )}
              </DetailItem>
              <DetailItem label="Progress">
                <JobProgressBar job={data} className="max-w-64" />
              </DetailItem>
              <DetailItem label="Stop reason">
                {data.stop_reason ?? <span className="text-muted-foreground">—</span>}
              </DetailItem>
              <DetailItem label="Updated">
                <time dateTime={data.updated_at}>{formatDateTime(data.updated_at)}</time>
              </DetailItem>
              <DetailItem label="Created by">
                <span className="font-mono text-xs">{data.created_by_id ?? '—'}</span>
              </DetailItem>
            </DetailList>
          </CardContent>
        </Card>
        <CallbackCard job={data} />
        <Card>
          <CardHeader>
            <CardTitle>Metadata</CardTitle>
            <CardDescription>
              What the job reported: its inputs, progress and results.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <JsonTree value={data.metadata} label="Job metadata" openDepth={1} />
          </CardContent>
        </Card>
      </div>
    </>
  )
}
