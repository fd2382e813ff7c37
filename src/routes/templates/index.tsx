import { createFileRoute } from '@tanstack/react-router'

import { templatesQueryOptions } from '@/api/templates'
import { RouteErrorView } from '@/components/error-view'
import { TemplatesPage, TemplatesPageSkeleton } from '@/features/templates/templates-page'
import { parseTemplatesSearch } from '@/features/templates/templates-search'

export const Route = createFileRoute('/templates/')({
  validateSearch: parseTemplatesSearch,
  loaderDeps: ({ search }) => ({ q: search.q, offset: search.offset }),
  loader: ({ context, deps }) =>
    context.queryClient.ensureQueryData(
      templatesQueryOptions({ search: deps.q, offset: deps.offset }),
    ),
  component: TemplatesPage,
  pendingComponent: TemplatesPageSkeleton,
  errorComponent: RouteErrorView,
})
