import type * as React from 'react'

import { isActiveJob, type Job } from '@/api/jobs'
import { CheckIcon, CircleIcon, LoaderCircleIcon, XIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

import { formatDateTime, formatDuration, jobDurationMs } from './job-format'

type StepState = 'done' | 'current' | 'failed' | 'waiting'

interface Step {
  label: string
  state: StepState
  at?: string | null | undefined
  note?: string | undefined
}

const FINISH_LABELS: Record<string, string> = {
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
}

/** Created, running, finished: where the job is, with the times the server knows. */
export function jobTimelineSteps(job: Job, now: number): Step[] {
  const active = isActiveJob(job)
  const startedAt =
    typeof job.metadata.started_at === 'string' ? job.metadata.started_at : undefined
  const duration = jobDurationMs(job, now)
  // A job cancelled (or failed) while it waited never ran: it gets no running step.
  const ran =
    job.status === 'running' || (!active && (startedAt !== undefined || job.status === 'completed'))
  const steps: Step[] = [{ label: 'Created', state: 'done', at: job.created_at }]
  if (active || ran) {
    const waiting = job.status === 'pending' || job.status === 'created'
    steps.push({
      label: waiting ? 'Waiting to run' : 'Running',
      state: job.status === 'running' ? 'current' : ran ? 'done' : 'waiting',
      at: startedAt,
      note:
        job.status === 'running' && duration !== undefined
          ? `for ${formatDuration(duration)}`
          : undefined,
    })
  }
  if (active) {
    steps.push({ label: 'Finished', state: 'waiting' })
  } else {
    steps.push({
      label: FINISH_LABELS[job.status] ?? `Finished (${job.status})`,
      state: job.status === 'completed' ? 'done' : 'failed',
      at: job.completed_at,
      note: duration !== undefined ? `after ${formatDuration(duration)}` : undefined,
    })
  }
  return steps
}

const STEP_ICONS: Record<StepState, React.ReactNode> = {
  done: <Icon node={CheckIcon} className="size-3.5" />,
  current: <Icon node={LoaderCircleIcon} className="size-3.5 animate-spin" />,
  failed: <Icon node={XIcon} className="size-3.5" />,
  waiting: <Icon node={CircleIcon} className="size-2.5" />,
}

export function JobTimeline({ job, now }: { job: Job; now: number }) {
  const steps = jobTimelineSteps(job, now)
  return (
    <ol className="grid gap-0" aria-label="Timeline">
      {steps.map((step, index) => (
        <li key={step.label} className="relative flex gap-3 pb-5 last:pb-0" data-state={step.state}>
          {index < steps.length - 1 && (
            <span
              aria-hidden
              className="absolute top-6 bottom-0 left-3 w-px -translate-x-1/2 bg-border"
            />
          )}
          <span
            aria-hidden
            className={cn(
              'z-10 flex size-6 shrink-0 items-center justify-center rounded-full border',
              step.state === 'done' && 'border-success/40 bg-success/15 text-success',
              step.state === 'current' && 'border-primary/40 bg-primary/10 text-primary',
              step.state === 'failed' && 'border-destructive/40 bg-destructive/15 text-destructive',
              step.state === 'waiting' && 'bg-muted text-muted-foreground',
            )}
          >
            {STEP_ICONS[step.state]}
          </span>
          <div className="min-w-0">
            <p
              className={cn(
                'text-sm font-medium',
                step.state === 'waiting' && 'text-muted-foreground',
              )}
            >
              {step.label}
              {step.note && (
                <span className="ml-2 font-normal text-muted-foreground">{step.note}</span>
              )}
            </p>
            {step.at && (
              <time dateTime={step.at} className="text-xs text-muted-foreground">
                {formatDateTime(step.at)}
              </time>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
