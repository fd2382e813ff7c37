import { createFileRoute } from '@tanstack/react-router'

import { agentQueryOptions } from '@/api/agents'
import { RouteErrorView } from '@/components/error-view'
import { AgentDetailPage, AgentDetailSkeleton } from '@/features/agents/agent-detail-page'

export const Route = createFileRoute('/agents/$agentId')({
  loader: ({ context: { queryClient }, params: { agentId } }) =>
    queryClient.ensureQueryData(agentQueryOptions(agentId)),
  component: AgentDetailPage,
  pendingComponent: AgentDetailSkeleton,
  errorComponent: RouteErrorView,
})
