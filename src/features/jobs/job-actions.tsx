import { useNavigate } from '@tanstack/react-router'

import { useCancelJob, useDeleteJob, type Job } from '@/api/jobs'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { CircleStopIcon, TrashIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { toast } from '@/lib/toast'

import { jobSubject } from './job-format'

function what(job: Job): string {
  const { fileName } = jobSubject(job)
  return fileName ? `the job for ${fileName}` : 'this job'
}

/** Stops a job that has not finished, after the user confirms. */
export function CancelJobButton({ job, compact = false }: { job: Job; compact?: boolean }) {
  const cancel = useCancelJob()
  return (
    <ConfirmDialog
      trigger={
        compact ? (
          <Button variant="ghost" size="icon-sm" aria-label={`Cancel ${what(job)}`}>
            <Icon node={CircleStopIcon} />
          </Button>
        ) : (
          <Button variant="outline">
            <Icon node={CircleStopIcon} />
            Cancel job
          </Button>
        )
      }
      title="Cancel this job?"
      description={`The server stops ${what(job)} and removes what it has done so far (for an upload, the passages already embedded). This cannot be undone.`}
      cancelLabel="Keep running"
      confirmLabel="Cancel job"
      onConfirm={async () => {
        await cancel.mutateAsync(job.id)
        toast.success('Job cancelled')
      }}
    />
  )
}

/** Deletes a finished job's record, after the user confirms, and goes back to the list. */
export function DeleteJobButton({ job }: { job: Job }) {
  const navigate = useNavigate()
  // Leaves before the mutation refetches the jobs: this page would ask for the deleted job.
  const remove = useDeleteJob({
    onSuccess: async () => {
      toast.success('Job deleted')
      await navigate({ to: '/jobs' })
    },
  })
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Icon node={TrashIcon} />
          Delete
        </Button>
      }
      title="Delete this job?"
      description={`The record of ${what(job)} is removed from the server. What the job produced (files, passages) is kept.`}
      cancelLabel="Keep it"
      confirmLabel="Delete job"
      onConfirm={() => remove.mutateAsync(job.id)}
    />
  )
}
