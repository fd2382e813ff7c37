import { createFileRoute } from '@tanstack/react-router'

import { RouteErrorView } from '@/components/error-view'
import { UsagePage } from '@/features/usage/usage-page'
import { usageSearchSchema } from '@/features/usage/usage-search'

export const Route = createFileRoute('/usage/')({
  validateSearch: usageSearchSchema,
  component: UsagePage,
  errorComponent: RouteErrorView,
})
