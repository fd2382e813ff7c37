import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'

import { toolsInfiniteQueryOptions, type ToolListParams } from '@/api/tools'
import { PlusIcon, SearchXIcon, WrenchIcon } from '@/components/icons'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

import { ToolsTableSkeleton } from './tools-table-frame'
import { VirtualRows } from './tools-virtual-rows'

export interface ToolsTableProps {
  params: ToolListParams
  /** A search or type filter is applied. */
  filtered: boolean
  showsBuiltIn: boolean
  onNewTool: () => void
  onClearFilters: () => void
}

/** Every tool, newest first, fetched a page at a time as the list scrolls. */
export function ToolsTable({
  params,
  filtered,
  showsBuiltIn,
  onNewTool,
  onClearFilters,
}: ToolsTableProps) {
  const query = useInfiniteQuery({
    ...toolsInfiniteQueryOptions(params),
    // A new filter keeps the old rows on screen until its own arrive.
    placeholderData: keepPreviousData,
  })

  if (query.isPending) return <ToolsTableSkeleton />
  if (query.isError && !query.data) {
    return (
      <LoadErrorMessage
        title="Could not load tools"
        error={query.error}
        onRetry={() => void query.refetch()}
        className="min-h-80"
      />
    )
  }
  const rows = query.data.pages.flat()
  if (rows.length === 0 && !query.isPlaceholderData) {
    return filtered ? (
      <StateMessage icon={SearchXIcon} title="No tools match" className="min-h-80">
        <p className="text-sm text-muted-foreground">
          No tool&rsquo;s name, description or tags match these filters.
        </p>
        <Button variant="outline" onClick={onClearFilters}>
          Clear filters
        </Button>
      </StateMessage>
    ) : (
      <StateMessage icon={WrenchIcon} title="No tools yet" className="min-h-80">
        <p className="max-w-md text-sm text-muted-foreground">
          Tools are Python functions agents can call.
          {!showsBuiltIn && ' Built-in tools are hidden: turn on “Include built-in” to see them.'}
        </p>
        <Button onClick={onNewTool}>
          <Icon node={PlusIcon} /> New tool
        </Button>
      </StateMessage>
    )
  }
  return (
    <VirtualRows
      rows={rows}
      resetKey={JSON.stringify(params)}
      updating={query.isPlaceholderData}
      hasNextPage={query.hasNextPage}
      isFetchingNextPage={query.isFetchingNextPage}
      nextPageError={query.isFetchNextPageError ? query.error.message : null}
      fetchNextPage={() => void query.fetchNextPage()}
    />
  )
}
