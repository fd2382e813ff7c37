import { useQuery } from '@tanstack/react-query'
import { Loader2Icon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { toast } from 'sonner'

import { sourceFilesQueryOptions, useDeleteSource, type Source } from '@/api/sources'
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

import { deletionImpact } from './deletion-impact'

export function DeleteSourceDialog({
  source,
  children,
  onDeleted,
}: {
  source: Source
  children: ReactNode
  onDeleted?: () => void
}) {
  const [open, setOpen] = useState(false)
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>{children}</AlertDialogTrigger>
      <AlertDialogContent>
        {open && (
          <DeleteSourceBody
            source={source}
            onDeleted={() => {
              setOpen(false)
              onDeleted?.()
            }}
          />
        )}
      </AlertDialogContent>
    </AlertDialog>
  )
}

function DeleteSourceBody({ source, onDeleted }: { source: Source; onDeleted: () => void }) {
  // Counted afresh each time the dialog opens: the confirmation must not understate what goes.
  const files = useQuery({ ...sourceFilesQueryOptions(source.id), staleTime: 0 })
  const remove = useDeleteSource()
  const counting = files.isFetching && !files.isError

  return (
    <>
      <AlertDialogHeader>
        <AlertDialogTitle>Delete {source.name}?</AlertDialogTitle>
        <AlertDialogDescription data-testid="delete-source-impact">
          {counting
            ? 'Counting its files and passages…'
            : files.isError
              ? `Its files and passages will be deleted with it (they could not be counted: ${files.error.message}).`
              : deletionImpact(files.data ?? [])}{' '}
          This cannot be undone.
        </AlertDialogDescription>
      </AlertDialogHeader>
      {remove.isError && (
        <p role="alert" className="text-sm text-destructive">
          {remove.error.message}
        </p>
      )}
      <AlertDialogFooter>
        <AlertDialogCancel>Cancel</AlertDialogCancel>
        <Button
          variant="destructive"
          disabled={counting || remove.isPending}
          onClick={() =>
            remove.mutate(source.id, {
              onSuccess: () => {
                toast.success(`Deleted ${source.name}`)
                onDeleted()
              },
            })
          }
        >
          {remove.isPending && <Loader2Icon className="animate-spin" />}
          Delete source
        </Button>
      </AlertDialogFooter>
    </>
  )
}
