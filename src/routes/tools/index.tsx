import { createFileRoute, stripSearchParams } from '@tanstack/react-router'

import { toolCountQueryOptions, toolsInfiniteQueryOptions } from '@/api/tools'
import { RouteErrorView } from '@/components/error-view'
import { TOOL_TYPES, toolTypesFilter } from '@/features/tools/tool-types'
import { ToolsPage, ToolsPageSkeleton } from '@/features/tools/tools-page'
import { booleanOr, oneOf, searchValidator, textOr } from '@/lib/search-params'

const defaultSearch = { search: '', type: 'all', builtin: false } as const

/** A missing or bad value falls back to the plain list's. */
const parseToolsSearch = searchValidator((search) => ({
  search: textOr(search.search, defaultSearch.search),
  type: oneOf(search.type, ['all', ...TOOL_TYPES], defaultSearch.type),
  builtin: booleanOr(search.builtin, defaultSearch.builtin),
}))

export const Route = createFileRoute('/tools/')({
  validateSearch: parseToolsSearch,
  // Defaults stay out of the address, so /tools is the plain list.
  search: { middlewares: [stripSearchParams(defaultSearch)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const loading = Promise.all([
      queryClient.ensureInfiniteQueryData(
        toolsInfiniteQueryOptions({
          search: deps.search,
          toolTypes: toolTypesFilter(deps.type, deps.builtin),
        }),
      ),
      queryClient.ensureQueryData(toolCountQueryOptions(deps.builtin)),
    ])
    // A filter change keeps the page (and the search box's focus) while the new rows load;
    // the table shows their error, if any.
    if (cause === 'stay') void loading.catch(() => undefined)
    else await loading
  },
  pendingComponent: ToolsPageSkeleton,
  component: ToolsPage,
  errorComponent: RouteErrorView,
})
