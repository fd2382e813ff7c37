import { createFileRoute } from '@tanstack/react-router'

import {
  templateQueryOptions,
  templateSnapshotQueryOptions,
  templateVersionsQueryOptions,
} from '@/api/templates'
import { RouteErrorView } from '@/components/error-view'
import { TemplatePage, TemplatePageSkeleton } from '@/features/templates/template-page'
import { parseTemplateSearch } from '@/features/templates/templates-search'

export const Route = createFileRoute('/templates/$templateName')({
  validateSearch: parseTemplateSearch,
  loaderDeps: ({ search }) => ({ version: search.version }),
  loader: async ({ context: { queryClient }, params: { templateName }, deps }) => {
    const [template] = await Promise.all([
      queryClient.ensureQueryData(templateQueryOptions(templateName)),
      queryClient.ensureQueryData(templateVersionsQueryOptions(templateName)),
    ])
    void queryClient.prefetchQuery(
      templateSnapshotQueryOptions(templateName, deps.version ?? template.latest_version),
    )
  },
  component: TemplatePage,
  pendingComponent: TemplatePageSkeleton,
  errorComponent: RouteErrorView,
})
