import { createFileRoute } from '@tanstack/react-router'

import { RouteErrorView } from '@/components/error-view'
import { UsagePage } from '@/features/usage/usage-page'
import { parseUsageSearch } from '@/features/usage/usage-search'

export const Route = createFileRoute('/usage/')({
  validateSearch: parseUsageSearch,
  component: UsagePage,
  errorComponent: RouteErrorView,
})
