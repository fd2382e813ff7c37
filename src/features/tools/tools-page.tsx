import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'

import { toolCountQueryOptions } from '@/api/tools'
import { useDialogOpener, useDialogState } from '@/components/dialog-opener'
import { PlusIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { usePageAction } from '@/lib/page-actions'

import { isBuiltInType, toolTypesFilter } from './tool-types'
import { ToolsTable } from './tools-table'
import { ToolsTableSkeleton } from './tools-table-frame'
import { ToolsToolbar, type ToolsFilters } from './tools-toolbar'

const route = getRouteApi('/tools/')

// The dialog and its primitives load when it is first wanted, not with the list.
const loadNewToolDialog = () => import('./new-tool-dialog')
const NewToolDialog = lazy(() =>
  loadNewToolDialog().then((module) => ({ default: module.NewToolDialog })),
)

function ToolCount({ includeBuiltIn }: { includeBuiltIn: boolean }) {
  const count = useQuery({
    ...toolCountQueryOptions(includeBuiltIn),
    placeholderData: keepPreviousData,
  })
  if (count.isPending) return <Skeleton className="inline-block h-4 w-24 align-middle" />
  if (count.isError) return <span>The total is unavailable: {count.error.message}</span>
  const total = count.data
  return (
    <span data-testid="tool-count">
      {total.toLocaleString('en-US')} {total === 1 ? 'tool' : 'tools'}
      {includeBuiltIn ? ', built-in included' : ' (built-in not counted)'}
    </span>
  )
}

export function ToolsPageSkeleton() {
  return (
    <>
      <PageHeader
        title="Tools"
        description={<Skeleton className="inline-block h-4 w-24 align-middle" />}
      />
      <div className="mb-4 flex flex-wrap gap-3">
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-9 w-40" />
      </div>
      <ToolsTableSkeleton />
    </>
  )
}

/** /tools: search, filter and page through every tool; create one. */
export function ToolsPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const newTool = useDialogState()
  const openNewTool = () => newTool.setOpen(true)
  usePageAction('new-tool', openNewTool)
  const { opener: newToolButton } = useDialogOpener(
    <Button>
      <Icon node={PlusIcon} /> New tool
    </Button>,
    { open: newTool.open, onOpen: openNewTool, preload: loadNewToolDialog },
  )

  const setFilters = (next: Partial<ToolsFilters>) => {
    void navigate({
      search: (previous) => {
        const merged = { ...previous, ...next }
        // Hiding built-in tools cannot keep a built-in type selected, and picking one shows them.
        if (next.builtin === false && isBuiltInType(merged.type)) merged.type = 'all'
        if (next.type && isBuiltInType(next.type)) merged.builtin = true
        return merged
      },
      replace: true,
    })
  }

  return (
    <>
      <PageHeader
        title="Tools"
        description={<ToolCount includeBuiltIn={search.builtin} />}
        actions={newToolButton}
      />
      <ToolsToolbar filters={search} onChange={setFilters} />
      <ToolsTable
        params={{ search: search.search, toolTypes: toolTypesFilter(search.type, search.builtin) }}
        filtered={search.search !== '' || search.type !== 'all'}
        showsBuiltIn={search.builtin}
        onNewTool={openNewTool}
        onClearFilters={() => setFilters({ search: '', type: 'all' })}
      />
      {newTool.mounted && (
        <Suspense fallback={null}>
          <NewToolDialog open={newTool.open} onOpenChange={newTool.setOpen} />
        </Suspense>
      )}
    </>
  )
}
