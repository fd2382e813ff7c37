import { Link } from '@tanstack/react-router'

import { useDeleteSourceFile, type SourceFile } from '@/api/sources'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { FileTextIcon, LoaderCircleIcon, TrashIcon, UploadIcon } from '@/components/icons'
import { StateMessage } from '@/components/state-message'
import { TableCard } from '@/components/table-card'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { toast } from '@/lib/toast'
import { cn } from '@/lib/utils'

import { fileDisplayName, formatBytes, formatDateTime, plural } from './format'
import { chunksLabel, isProcessing } from './progress'

/** Below md the name, status, chunks and actions stay; type, size and date need a wider screen. */
const WIDE_ONLY = 'hidden md:table-cell'

/** The reason the bundled server gives a file whose processing was cancelled. */
const CANCELLED_REASON = 'Processing was cancelled'

function StatusBadge({ file }: { file: SourceFile }) {
  const status = file.processing_status ?? 'unknown'
  if (status === 'completed') return <Badge variant="success">completed</Badge>
  if (status === 'error') {
    // The server records a cancelled file as an error with this reason: it is shown as cancelled.
    const cancelled = file.error_message === CANCELLED_REASON
    return (
      <Badge
        variant={cancelled ? 'warning' : 'destructive'}
        title={file.error_message ?? undefined}
        data-status={cancelled ? 'cancelled' : 'error'}
      >
        {cancelled ? 'cancelled' : 'error'}
      </Badge>
    )
  }
  if (isProcessing(file)) {
    return (
      <Badge variant="secondary">
        <Icon node={LoaderCircleIcon} className="animate-spin" aria-hidden />
        {status}
      </Badge>
    )
  }
  return <Badge variant="outline">{status}</Badge>
}

function DeleteFileButton({
  sourceId,
  file,
  onDeleted,
}: {
  sourceId: string
  file: SourceFile
  onDeleted: (fileId: string) => void
}) {
  const remove = useDeleteSourceFile(sourceId)
  const name = fileDisplayName(file)
  const passages = file.chunks_embedded ?? 0
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon-sm" aria-label={`Delete ${name}`}>
          <Icon node={TrashIcon} />
        </Button>
      }
      title={`Delete ${name}?`}
      description={
        <>
          {passages > 0
            ? `Its ${plural(passages, 'passage')} will be deleted with it.`
            : 'It has no passages yet.'}{' '}
          This cannot be undone.
        </>
      }
      confirmLabel="Delete file"
      onConfirm={async () => {
        await remove.mutateAsync(file.id)
        toast.success(`Deleted ${name}`)
        onDeleted(file.id)
      }}
    />
  )
}

export function FilesTable({
  sourceId,
  files,
  onChooseFiles,
  onDeleted,
}: {
  sourceId: string
  files: SourceFile[]
  onChooseFiles: () => void
  onDeleted: (fileId: string) => void
}) {
  if (files.length === 0) {
    return (
      <StateMessage icon={UploadIcon} title="No files yet" className="px-6 py-14">
        <p className="max-w-md text-sm text-muted-foreground">
          Drop files anywhere on this page, or choose them. Each is split into passages and
          embedded.
        </p>
        <Button variant="outline" onClick={onChooseFiles}>
          Choose files
        </Button>
      </StateMessage>
    )
  }
  return (
    <TableCard
      aria-label="Files"
      head={
        <>
          <TableHead className="pl-4">Name</TableHead>
          <TableHead className={WIDE_ONLY}>Type</TableHead>
          <TableHead className={cn('text-right', WIDE_ONLY)}>Size</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Chunks</TableHead>
          <TableHead className={WIDE_ONLY}>Uploaded</TableHead>
          <TableHead className="w-20">
            <span className="sr-only">Actions</span>
          </TableHead>
        </>
      }
    >
      {files.map((file) => (
        <TableRow key={file.id} data-testid="file-row">
          <TableCell className="max-w-36 pl-4 sm:max-w-72">
            <span className="flex items-center gap-2">
              <Icon
                node={FileTextIcon}
                className="size-4 shrink-0 text-muted-foreground"
                aria-hidden
              />
              <span className="truncate font-medium">{fileDisplayName(file)}</span>
            </span>
            {file.processing_status === 'error' && file.error_message && (
              <p className="mt-1 truncate text-xs text-destructive" title={file.error_message}>
                {file.error_message}
              </p>
            )}
          </TableCell>
          <TableCell
            className={cn('max-w-40 truncate font-mono text-xs text-muted-foreground', WIDE_ONLY)}
            title={file.file_type ?? undefined}
          >
            {file.file_type ?? '—'}
          </TableCell>
          <TableCell className={cn('text-right tabular-nums', WIDE_ONLY)}>
            {formatBytes(file.file_size)}
          </TableCell>
          <TableCell>
            <StatusBadge file={file} />
          </TableCell>
          <TableCell className="text-right tabular-nums">{chunksLabel(file)}</TableCell>
          <TableCell className={cn('text-muted-foreground', WIDE_ONLY)}>
            {formatDateTime(file.created_at)}
          </TableCell>
          <TableCell className="pr-4">
            <div className="flex justify-end gap-1">
              <Button variant="ghost" size="sm" asChild>
                <Link
                  from="/sources/$sourceId"
                  search={(prev) => ({
                    ...prev,
                    tab: 'passages' as const,
                    file: file.id,
                    after: undefined,
                    before: undefined,
                  })}
                  aria-label={`Passages of ${fileDisplayName(file)}`}
                >
                  Passages
                </Link>
              </Button>
              <DeleteFileButton sourceId={sourceId} file={file} onDeleted={onDeleted} />
            </div>
          </TableCell>
        </TableRow>
      ))}
    </TableCard>
  )
}
