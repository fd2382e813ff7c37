import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import type * as React from 'react'

import { agentQueryOptions } from '@/api/agents'
import { useCapabilities } from '@/api/capabilities'
import { DetailItem, DetailList } from '@/components/detail-list'
import { ArrowLeftIcon, TrashIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { StopReason } from '@/components/run-badges'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { AgentTemplateCard } from '@/features/templates/agent-template-card'
import { formatTimestamp } from '@/lib/format'

import { AgentSources, AgentTools } from './agent-attachments'
import { AgentConversation } from './agent-conversation'
import { AgentRuns } from './agent-runs'
import { DeleteAgentDialog } from './delete-agent-dialog'
import { MemoryBlocks } from './memory-blocks'

const routeApi = getRouteApi('/agents/$agentId')

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  )
}

export function AgentDetailSkeleton() {
  return (
    <>
      <PageHeader title="Agent" />
      <div
        className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]"
        aria-busy="true"
        aria-label="Loading the agent"
      >
        <Skeleton className="h-96 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    </>
  )
}

export function AgentDetailPage() {
  const { agentId } = routeApi.useParams()
  const navigate = useNavigate()
  const { data: agent } = useSuspenseQuery(agentQueryOptions(agentId))
  // Templates are a Letta Cloud and bundled-server feature: a self-hosted Letta has no such card.
  const hasTemplates = useCapabilities().has.templates !== false

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2">
        <Link to="/agents" search={{ q: '' }}>
          <Icon node={ArrowLeftIcon} />
          Agents
        </Link>
      </Button>
      <PageHeader
        title={agent.name}
        description={agent.description ?? undefined}
        actions={
          <DeleteAgentDialog
            agent={agent}
            onDeleted={() => void navigate({ to: '/agents', search: { q: '' } })}
          >
            <Button variant="outline">
              <Icon node={TrashIcon} />
              Delete
            </Button>
          </DeleteAgentDialog>
        }
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Section title="Conversation">
          <AgentConversation agentId={agent.id} />
        </Section>
        <div className="grid gap-4">
          <Section title="Details">
            <DetailList>
              <DetailItem label="Model" mono>
                {agent.model ?? '—'}
              </DetailItem>
              <DetailItem label="Type" mono>
                {agent.agent_type}
              </DetailItem>
              <DetailItem label="Id" mono>
                {agent.id}
              </DetailItem>
              <DetailItem label="Last run">
                {agent.last_run_completion ? (
                  <span className="flex flex-wrap items-center gap-2">
                    {formatTimestamp(agent.last_run_completion, 'medium')}
                    <StopReason reason={agent.last_stop_reason} />
                  </span>
                ) : (
                  'Never'
                )}
              </DetailItem>
              <DetailItem label="Tags">
                {agent.tags.length ? (
                  <span className="flex flex-wrap gap-1">
                    {agent.tags.map((tag) => (
                      <Badge key={tag} variant="secondary">
                        {tag}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  '—'
                )}
              </DetailItem>
            </DetailList>
          </Section>
          <Section title="Memory">
            <MemoryBlocks agentId={agent.id} blocks={agent.blocks} />
          </Section>
          {hasTemplates && <AgentTemplateCard agentId={agent.id} />}
          <Section title="Tools">
            <AgentTools agent={agent} />
          </Section>
          <Section title="Sources">
            <AgentSources agent={agent} />
          </Section>
          <Section title="Runs">
            <AgentRuns agentId={agent.id} />
          </Section>
        </div>
      </div>
    </>
  )
}
