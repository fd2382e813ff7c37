import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { sourceFilesQueryOptions, type Source } from '@/api/sources'
import { TrashIcon } from '@/components/icons'
import { TableCard } from '@/components/table-card'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/utils'

import { DeleteSourceDialog } from './delete-source-dialog'
import { formatDateTime } from './format'

/** The bundled server counts files in the list; a Letta server does not, so its files are listed. */
function FileCount({ source }: { source: Source }) {
  if (source.file_count !== undefined) {
    return <span className="tabular-nums">{source.file_count.toLocaleString()}</span>
  }
  return <ListedFileCount sourceId={source.id} />
}

function ListedFileCount({ sourceId }: { sourceId: string }) {
  const files = useQuery(sourceFilesQueryOptions(sourceId))
  if (files.isPending) return <Skeleton className="h-4 w-6" aria-label="Counting files" />
  if (files.isError) return <span className="text-muted-foreground">?</span>
  return <span className="tabular-nums">{files.data.length.toLocaleString()}</span>
}

/** Below md the name, file count and Delete stay; the rest waits for a wider screen. */
const WIDE_ONLY = 'hidden md:table-cell'

export function SourcesTable({ sources }: { sources: Source[] }) {
  return (
    <TableCard
      head={
        <>
          <TableHead className="pl-4">Name</TableHead>
          <TableHead className={WIDE_ONLY}>Description</TableHead>
          <TableHead className="text-right">Files</TableHead>
          <TableHead className={WIDE_ONLY}>Embedding model</TableHead>
          <TableHead className={WIDE_ONLY}>Created</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">Actions</span>
          </TableHead>
        </>
      }
    >
      {sources.map((source) => (
        <TableRow key={source.id}>
          <TableCell className="max-w-48 truncate pl-4 font-medium sm:max-w-none">
            <Link
              to="/sources/$sourceId"
              params={{ sourceId: source.id }}
              className="underline-offset-4 hover:underline focus-visible:underline"
            >
              {source.name}
            </Link>
          </TableCell>
          <TableCell className={cn('max-w-xs truncate text-muted-foreground', WIDE_ONLY)}>
            {source.description || '—'}
          </TableCell>
          <TableCell className="text-right">
            <FileCount source={source} />
          </TableCell>
          <TableCell className={cn('font-mono text-xs', WIDE_ONLY)}>
            {source.embedding_config.embedding_model}
          </TableCell>
          <TableCell className={cn('text-muted-foreground', WIDE_ONLY)}>
            {formatDateTime(source.created_at)}
          </TableCell>
          <TableCell className="pr-4">
            <DeleteSourceDialog source={source}>
              <Button variant="ghost" size="icon-sm" aria-label={`Delete ${source.name}`}>
                <Icon node={TrashIcon} />
              </Button>
            </DeleteSourceDialog>
          </TableCell>
        </TableRow>
      ))}
    </TableCard>
  )
}
