import { Link, useNavigate } from '@tanstack/react-router'
import type * as React from 'react'

import type { Job } from '@/api/jobs'
import { TableCard } from '@/components/table-card'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { rowClick } from '@/lib/row-click'

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

const COLUMNS = ['Status', 'Job', 'Type', 'Source and file', 'Progress', 'Created', 'Duration']

function JobsTableFrame({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <TableCard
      aria-label="Jobs"
      busy={busy}
      head={COLUMNS.map((column) => (
        <TableHead key={column} scope="col" className="px-3 text-xs text-muted-foreground">
          {column}
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
            <TableCell key={column} className="px-3 py-3">
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
            <TableCell className="px-3 text-muted-foreground">{jobKindLabel(job)}</TableCell>
            <TableCell className="max-w-72 px-3">
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
            <TableCell className="w-40 px-3">
              <JobProgressBar job={job} />
            </TableCell>
            <TableCell className="px-3 text-muted-foreground">
              <time dateTime={job.created_at}>{formatDateTime(job.created_at)}</time>
            </TableCell>
            <TableCell className="px-3 text-muted-foreground tabular-nums">
              {duration === undefined ? '—' : formatDuration(duration)}
            </TableCell>
          </TableRow>
        )
      })}
    </JobsTableFrame>
  )
}
