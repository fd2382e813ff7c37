import { useNavigate } from '@tanstack/react-router'
import { CircleStopIcon, Trash2Icon } from 'lucide-react'
import { useState } from 'react'
import { toast } from 'sonner'

import { useCancelJob, useDeleteJob, type Job } from '@/api/jobs'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'

import { jobSubject } from './job-format'

function what(job: Job): string {
  const { fileName } = jobSubject(job)
  return fileName ? `the job for ${fileName}` : 'this job'
}

/** Stops a job that has not finished, after the user confirms. */
export function CancelJobButton({ job }: { job: Job }) {
  const [open, setOpen] = useState(false)
  const cancel = useCancelJob({
    onSuccess: () => {
      setOpen(false)
      toast.success('Job cancelled')
    },
    onError: (error) => toast.error(`Could not cancel the job: ${error.message}`),
  })
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline">
          <CircleStopIcon />
          Cancel job
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Cancel this job?</AlertDialogTitle>
          <AlertDialogDescription>
            The server stops {what(job)} and removes what it has done so far (for an upload, the
            passages already embedded). This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={cancel.isPending}>Keep running</AlertDialogCancel>
          <Button
            variant="destructive"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(job.id)}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel job'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}

/** Deletes a finished job's record, after the user confirms, and goes back to the list. */
export function DeleteJobButton({ job }: { job: Job }) {
  const [open, setOpen] = useState(false)
  const navigate = useNavigate()
  const remove = useDeleteJob({
    onSuccess: async () => {
      setOpen(false)
      toast.success('Job deleted')
      await navigate({ to: '/jobs' })
    },
    onError: (error) => toast.error(`Could not delete the job: ${error.message}`),
  })
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2Icon />
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete this job?</AlertDialogTitle>
          <AlertDialogDescription>
            The record of {what(job)} is removed from the server. What the job produced (files,
            passages) is kept.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Keep it</AlertDialogCancel>
          <Button
            variant="destructive"
            disabled={remove.isPending}
            onClick={() => remove.mutate(job.id)}
          >
            {remove.isPending ? 'Deleting…' : 'Delete job'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
