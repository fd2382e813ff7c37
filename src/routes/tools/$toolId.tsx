import { createFileRoute, notFound } from '@tanstack/react-router'

import { ApiError } from '@/api/client'
import { toolQueryOptions } from '@/api/tools'
import { RouteErrorView } from '@/components/error-view'
import { ToolEditorPage, ToolNotFound } from '@/features/tools/tool-editor-page'

export const Route = createFileRoute('/tools/$toolId')({
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(toolQueryOptions(params.toolId))
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound()
      throw error
    }
  },
  errorComponent: RouteErrorView,
  notFoundComponent: ToolNotFound,
  component: ToolEditorPage,
})
