import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useCallback, useEffect, useRef } from 'react'
import { useDropzone } from 'react-dropzone'

import {
  sourceFilesQueryOptions,
  sourceQueryOptions,
  sourcesKeys,
  uploadPolicyQueryOptions,
} from '@/api/sources'
import { PencilIcon, TrashIcon, UploadIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { usePageAction } from '@/lib/page-actions'

import { AcceptedTypes } from './accepted-types'
import { DeleteSourceDialog } from './delete-source-dialog'
import { EditSourceDialog } from './edit-source-dialog'
import { acceptedExtensions, partitionFiles, summarizeExtensions } from './file-checks'
import { FilesTable } from './files-table'
import { formatBytes } from './format'
import { PassagesPanel } from './passages-panel'
import { anyProcessing } from './progress'
import { SourceHeader } from './source-header'
import { UploadQueue } from './upload-queue'
import { addUploads, clearUploads, dismissUpload, retryUpload, useUploads } from './upload-store'

const routeApi = getRouteApi('/sources/$sourceId')

/** How often the files list is asked for while something is processing. */
const PROCESSING_POLL_MS = 1000

export function SourceDetailPage() {
  const { sourceId } = routeApi.useParams()
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const goTo = useNavigate()
  const queryClient = useQueryClient()
  const { data: source } = useSuspenseQuery(sourceQueryOptions(sourceId))
  const { data: policy } = useSuspenseQuery(uploadPolicyQueryOptions())
  const filesQuery = useSuspenseQuery({
    ...sourceFilesQueryOptions(sourceId),
    // Polls only while a file is pending, parsing or embedding; stops by itself after.
    refetchInterval: (query) => (anyProcessing(query.state.data) ? PROCESSING_POLL_MS : false),
  })
  const files = filesQuery.data
  const processing = anyProcessing(files)
  const uploads = useUploads(sourceId)

  // Passages change only when a file does: each change the polling sees refreshes them, no more.
  const filesSignature = files
    .map((file) => `${file.id}:${file.processing_status}:${file.chunks_embedded ?? 0}`)
    .join('|')
  const seenSignature = useRef(filesSignature)
  useEffect(() => {
    if (seenSignature.current === filesSignature) return
    seenSignature.current = filesSignature
    void queryClient.invalidateQueries({ queryKey: sourcesKeys.passagesOf(sourceId) })
  }, [filesSignature, queryClient, sourceId])

  // The new file joins the list here (and starts the polling) and the file count on /sources.
  const onSent = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: sourcesKeys.files(sourceId) })
    void queryClient.invalidateQueries({ queryKey: sourcesKeys.list() })
  }, [queryClient, sourceId])

  const onDrop = useCallback(
    (dropped: File[]) => {
      if (dropped.length === 0) return
      const { accepted, rejected } = policy
        ? partitionFiles(dropped, policy)
        : { accepted: dropped, rejected: [] }
      addUploads(sourceId, accepted, rejected, onSent)
      if (search.tab !== 'files') void navigate({ search: (prev) => ({ ...prev, tab: 'files' }) })
    },
    [policy, sourceId, onSent, search.tab, navigate],
  )
  // Every file is judged by partitionFiles, so the refusals carry our reasons, not the dropzone's.
  const dropzone = useDropzone({ onDrop, noClick: true, noKeyboard: true, multiple: true })
  usePageAction('upload-files', dropzone.open)

  return (
    <div
      {...dropzone.getRootProps({
        className: 'relative min-h-[calc(100svh-7rem)] outline-none',
      })}
      data-testid="source-dropzone"
    >
      <input
        {...dropzone.getInputProps({
          accept: policy ? acceptedExtensions(policy).join(',') : undefined,
          'aria-label': 'Choose files to upload',
        })}
      />
      {dropzone.isDragActive && (
        <div className="pointer-events-none absolute inset-0 z-20 rounded-xl border-2 border-dashed border-primary bg-background/95">
          {/* Sticky, so the message stays in view on a long, scrolled page. */}
          <div className="sticky top-14 grid h-[calc(100svh-7rem)] max-h-full content-center justify-items-center gap-2 text-center">
            <Icon node={UploadIcon} className="size-10" aria-hidden />
            <p className="text-lg font-semibold">Drop to upload to {source.name}</p>
            {policy && (
              <p className="text-sm text-muted-foreground">
                {summarizeExtensions(acceptedExtensions(policy))}, up to{' '}
                {formatBytes(policy.max_file_size_bytes)} each
              </p>
            )}
          </div>
        </div>
      )}

      <SourceHeader
        source={source}
        actions={
          <>
            <Button onClick={dropzone.open}>
              <Icon node={UploadIcon} />
              Upload files
            </Button>
            <EditSourceDialog source={source}>
              <Button variant="outline">
                <Icon node={PencilIcon} />
                Edit
              </Button>
            </EditSourceDialog>
            <DeleteSourceDialog source={source} onDeleted={() => void goTo({ to: '/sources' })}>
              <Button variant="outline">
                <Icon node={TrashIcon} />
                Delete
              </Button>
            </DeleteSourceDialog>
          </>
        }
      />

      <Tabs
        value={search.tab}
        onValueChange={(tab) =>
          void navigate({
            search: (prev) => ({ ...prev, tab: tab === 'passages' ? 'passages' : 'files' }),
          })
        }
      >
        <TabsList>
          <TabsTrigger value="files">Files ({files.length.toLocaleString()})</TabsTrigger>
          <TabsTrigger value="passages">Passages</TabsTrigger>
        </TabsList>
        <TabsContent value="files" className="mt-2">
          {policy ? (
            <AcceptedTypes policy={policy} />
          ) : (
            <p className="mb-3 text-xs text-muted-foreground">
              Drop files anywhere on this page. This server does not publish the types it accepts:
              it judges each file when it arrives.
            </p>
          )}
          <UploadQueue
            entries={uploads}
            snapshot={{ files, updatedAt: filesQuery.dataUpdatedAt }}
            onRetry={(key) => retryUpload(key, onSent)}
            onDismiss={dismissUpload}
            onClearSettled={(keys) => clearUploads(sourceId, (entry) => !keys.includes(entry.key))}
          />
          <FilesTable
            sourceId={sourceId}
            files={files}
            onChooseFiles={dropzone.open}
            onDeleted={(fileId) => clearUploads(sourceId, (entry) => entry.fileId !== fileId)}
          />
        </TabsContent>
        <TabsContent value="passages" className="mt-2">
          <PassagesPanel sourceId={sourceId} files={files} processing={processing} />
        </TabsContent>
      </Tabs>
    </div>
  )
}

export function SourceDetailSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the source">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-40 w-full" />
    </div>
  )
}
