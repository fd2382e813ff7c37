import { Link, useNavigate } from '@tanstack/react-router'
import type * as React from 'react'

import { isActiveJob, type Job } from '@/api/jobs'
import { TableCard } from '@/components/table-card'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { rowClick } from '@/lib/row-click'
import { cn } from '@/lib/utils'

import { CancelJobButton } from './job-actions'
import {
  formatDateTime,
  formatDuration,
  jobDurationMs,
  jobKindLabel,
  jobSubject,
  shortJobId,
} from './job-format'
import { JobProgressBar } from './job-progress-bar'
import { JobStatusBadge } from './job-status-badge'
import { FileLabel, SourceLabel } from './source-label'

/** Below md the table keeps what matters (status, the job, its source, Cancel): no sideways scroll. */
const WIDE_ONLY = 'hidden md:table-cell'
const COLUMNS = [
  { name: 'Status', className: '' },
  { name: 'Job', className: '' },
  { name: 'Type', className: WIDE_ONLY },
  { name: 'Source and file', className: '' },
  { name: 'Progress', className: WIDE_ONLY },
  { name: 'Created', className: WIDE_ONLY },
  { name: 'Duration', className: WIDE_ONLY },
  { name: 'Actions', className: '' },
]

function JobsTableFrame({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <TableCard
      aria-label="Jobs"
      busy={busy}
      head={COLUMNS.map((column) => (
        <TableHead
          key={column.name}
          scope="col"
          className={cn('px-3 text-xs text-muted-foreground', column.className)}
        >
          {column.name === 'Actions' ? <span className="sr-only">Actions</span> : column.name}
        </TableHead>
      ))}
    >
      {children}
    </TableCard>
  )
}

export function JobsTableSkeleton() {
  return (
    <JobsTableFrame busy>
      {Array.from({ length: 6 }, (_, index) => (
        <TableRow key={index}>
          {COLUMNS.map((column) => (
            <TableCell key={column.name} className={cn('px-3 py-3', column.className)}>
              <Skeleton className="h-4 w-full max-w-24" />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </JobsTableFrame>
  )
}

export function JobsTable({
  jobs,
  now,
  sourceNames,
  sourcesLoaded,
}: {
  jobs: Job[]
  now: number
  sourceNames: ReadonlyMap<string, string>
  sourcesLoaded: boolean
}) {
  const navigate = useNavigate()
  return (
    <JobsTableFrame>
      {jobs.map((job) => {
        const subject = jobSubject(job)
        const duration = jobDurationMs(job, now)
        return (
          <TableRow
            key={job.id}
            data-job-id={job.id}
            className="cursor-pointer"
            onClick={rowClick(
              () => void navigate({ to: '/jobs/$jobId', params: { jobId: job.id } }),
            )}
          >
            <TableCell className="px-3">
              <JobStatusBadge status={job.status} />
            </TableCell>
            <TableCell className="px-3">
              <Link
                to="/jobs/$jobId"
                params={{ jobId: job.id }}
                className="font-mono text-xs underline-offset-4 hover:underline focus-visible:underline"
                aria-label={`Job ${job.id}`}
                title={job.id}
              >
                {shortJobId(job.id)}
              </Link>
            </TableCell>
            <TableCell className={cn('px-3 text-muted-foreground', WIDE_ONLY)}>
              {jobKindLabel(job)}
            </TableCell>
            <TableCell className="max-w-40 px-3 sm:max-w-72">
              <div className="flex flex-col gap-0.5">
                <SourceLabel
                  sourceId={subject.sourceId}
                  names={sourceNames}
                  loaded={sourcesLoaded}
                />
                {(subject.fileName ?? subject.fileId) && (
                  <FileLabel
                    sourceId={subject.sourceId}
                    fileId={subject.fileId}
                    fileName={subject.fileName}
                    names={sourceNames}
                    className="truncate text-xs text-muted-foreground"
                  />
                )}
              </div>
            </TableCell>
            <TableCell className={cn('w-40 px-3', WIDE_ONLY)}>
              <JobProgressBar job={job} />
            </TableCell>
            <TableCell className={cn('px-3 text-muted-foreground', WIDE_ONLY)}>
              <time dateTime={job.created_at}>{formatDateTime(job.created_at)}</time>
            </TableCell>
            <TableCell className={cn('px-3 text-muted-foreground tabular-nums', WIDE_ONLY)}>
              {duration === undefined ? '—' : formatDuration(duration)}
            </TableCell>
            <TableCell className="w-12 px-3">
              {isActiveJob(job) && <CancelJobButton job={job} compact />}
            </TableCell>
          </TableRow>
        )
      })}
    </JobsTableFrame>
  )
}
