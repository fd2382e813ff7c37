import {
  BanIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  LoaderCircleIcon,
  RotateCcwIcon,
  XIcon,
} from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Progress } from '@/components/ui/progress'
import { cn } from '@/lib/utils'

import { formatBytes } from './format'
import {
  canRetry,
  isSettled,
  uploadRowView,
  type FilesSnapshot,
  type UploadRowView,
} from './upload-row'
import type { UploadEntry } from './upload-store'

function StatusIcon({ view }: { view: UploadRowView }) {
  if (view.kind === 'rejected')
    return <Icon node={BanIcon} className="size-4 text-destructive" aria-hidden />
  if (view.kind === 'failed' || (view.kind === 'processing' && view.progress.phase === 'error')) {
    return <Icon node={CircleAlertIcon} className="size-4 text-destructive" aria-hidden />
  }
  if (view.kind === 'processing' && view.progress.phase === 'completed') {
    return <Icon node={CircleCheckIcon} className="size-4 text-success" aria-hidden />
  }
  if (view.kind === 'gone')
    return <Icon node={XIcon} className="size-4 text-muted-foreground" aria-hidden />
  return (
    <Icon
      node={LoaderCircleIcon}
      className="size-4 animate-spin text-muted-foreground"
      aria-hidden
    />
  )
}

function Detail({ view }: { view: UploadRowView }) {
  switch (view.kind) {
    case 'rejected':
      return <span className="text-destructive">Not uploaded: {view.reason}</span>
    case 'failed':
      return <span className="text-destructive">Upload failed: {view.reason}</span>
    case 'uploading':
      return (
        <span>
          Uploading {view.percent}% · {formatBytes(view.loaded)} of {formatBytes(view.total)}
        </span>
      )
    case 'waiting':
      return <span>Uploaded; waiting for the server</span>
    case 'gone':
      return <span>No longer in this source</span>
    case 'processing':
      return (
        <span className={cn(view.progress.phase === 'error' && 'text-destructive')}>
          {view.progress.phase === 'error'
            ? `Processing failed: ${view.progress.label}`
            : view.progress.label}
        </span>
      )
  }
}

function Bar({ view, name }: { view: UploadRowView; name: string }) {
  if (view.kind === 'uploading') {
    return <Progress value={view.percent} aria-label={`Upload of ${name}`} className="h-1.5" />
  }
  if (view.kind === 'waiting') {
    return <Progress value={100} aria-label={`Upload of ${name}`} className="h-1.5" />
  }
  // A finished or failed file needs no bar: its icon and words say it.
  if (
    view.kind === 'processing' &&
    view.progress.phase !== 'error' &&
    view.progress.phase !== 'completed'
  ) {
    const { percent } = view.progress
    return (
      <Progress
        value={percent ?? undefined}
        aria-label={`Processing of ${name}`}
        className={cn('h-1.5', percent === null && 'animate-pulse')}
      />
    )
  }
  return null
}

/** The files dropped on this page: byte progress, then the server's processing, with Retry on failure. */
export function UploadQueue({
  entries,
  snapshot,
  onRetry,
  onDismiss,
  onClearSettled,
}: {
  entries: UploadEntry[]
  snapshot: FilesSnapshot
  onRetry: (key: string) => void
  onDismiss: (key: string) => void
  onClearSettled: (keys: string[]) => void
}) {
  if (entries.length === 0) return null
  const rows = entries.map((entry) => ({ entry, view: uploadRowView(entry, snapshot) }))
  const settled = rows.filter((row) => isSettled(row.view)).map((row) => row.entry.key)
  return (
    <section aria-label="Uploads" className="mb-4 rounded-lg border bg-card">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-2">
        <h2 className="text-sm font-medium">Uploads</h2>
        {settled.length > 0 && (
          <Button variant="ghost" size="sm" onClick={() => onClearSettled(settled)}>
            Clear finished
          </Button>
        )}
      </header>
      <ul className="divide-y">
        {rows.map(({ entry, view }) => (
          <li
            key={entry.key}
            data-testid="upload-row"
            data-state={view.kind === 'processing' ? view.progress.phase : view.kind}
            className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5"
          >
            <StatusIcon view={view} />
            <div className="flex min-w-0 items-baseline gap-2">
              <span className="truncate text-sm font-medium" data-testid="upload-name">
                {entry.file.name}
              </span>
              <span className="shrink-0 text-xs text-muted-foreground">
                {formatBytes(entry.file.size)}
              </span>
            </div>
            <div className="flex items-center gap-1">
              {canRetry(view) && (
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => onRetry(entry.key)}
                  aria-label={`Retry ${entry.file.name}`}
                >
                  <Icon node={RotateCcwIcon} />
                  Retry
                </Button>
              )}
              {view.kind !== 'uploading' && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  onClick={() => onDismiss(entry.key)}
                  aria-label={`Dismiss ${entry.file.name}`}
                >
                  <Icon node={XIcon} />
                </Button>
              )}
            </div>
            <div className="col-start-2 col-end-4 grid gap-1.5 text-xs text-muted-foreground">
              <Bar view={view} name={entry.file.name} />
              <p aria-live={view.kind === 'uploading' ? 'off' : 'polite'}>
                <Detail view={view} />
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
