import type { Job } from '@/api/jobs'
import { Progress } from '@/components/ui/progress'
import { cn } from '@/lib/utils'

import { jobProgress } from './job-format'

/** Chunks embedded out of all chunks, when the job reports them. */
export function JobProgressBar({ job, className }: { job: Job; className?: string }) {
  const progress = jobProgress(job)
  if (!progress) {
    const queued = job.status === 'created' || job.status === 'pending'
    return <span className="text-muted-foreground">{queued ? 'queued' : '—'}</span>
  }
  const label = `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()} chunks`
  return (
    <div className={cn('flex min-w-28 items-center gap-2', className)}>
      <Progress value={progress.percent} aria-label={`Progress: ${label}`} className="h-1.5" />
      <span className="shrink-0 text-xs text-muted-foreground tabular-nums" title={label}>
        {progress.percent}%
      </span>
    </div>
  )
}
