import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

import { sourceFilesQueryOptions, useDeleteSource, type Source } from '@/api/sources'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { toast } from '@/lib/toast'

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
  // Counted afresh each time the dialog opens: the confirmation must not understate what goes.
  const files = useQuery({ ...sourceFilesQueryOptions(source.id), staleTime: 0, enabled: open })
  const remove = useDeleteSource()
  const counting = files.isFetching && !files.isError

  return (
    <ConfirmDialog
      trigger={children}
      open={open}
      onOpenChange={setOpen}
      title={`Delete ${source.name}?`}
      description={
        <>
          {counting
            ? 'Counting its files and passages…'
            : files.isError
              ? `Its files and passages will be deleted with it (they could not be counted: ${files.error.message}).`
              : deletionImpact(files.data ?? [])}{' '}
          This cannot be undone.
        </>
      }
      confirmLabel="Delete source"
      confirmDisabled={counting}
      onConfirm={async () => {
        await remove.mutateAsync(source.id)
        toast.success(`Deleted ${source.name}`)
        setOpen(false)
        onDeleted?.()
      }}
    />
  )
}
