import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import {
  agentVariablesQueryOptions,
  templateAgentsQueryOptions,
  type TemplateAgent,
} from '@/api/templates'
import { BotIcon } from '@/components/icons'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { formatTimestamp } from '@/lib/format'

import { VariableValues } from './variable-values'

/** The agents that belong to the template: each with its version, its variables and its memory. */
export function TemplateAgents({ templateId }: { templateId: string }) {
  const agents = useQuery(templateAgentsQueryOptions(templateId))
  if (agents.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading agents">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    )
  }
  if (agents.isError) {
    return (
      <LoadErrorMessage
        title="Could not load the agents"
        error={agents.error}
        onRetry={() => void agents.refetch()}
      />
    )
  }
  if (agents.data.length === 0) {
    return (
      <StateMessage icon={BotIcon} title="No agents belong to this template">
        <p className="text-sm text-muted-foreground">Create one from any version.</p>
      </StateMessage>
    )
  }
  return (
    <ul className="grid gap-3" aria-label="Agents from this template">
      {agents.data.map((agent) => (
        <li key={agent.id}>
          <TemplateAgentCard agent={agent} />
        </li>
      ))}
    </ul>
  )
}

function TemplateAgentCard({ agent }: { agent: TemplateAgent }) {
  const variables = useQuery(agentVariablesQueryOptions(agent.id))
  return (
    <Card aria-label={`Agent ${agent.name}`}>
      <CardHeader>
        <CardTitle>
          <Link
            to="/agents/$agentId"
            params={{ agentId: agent.id }}
            className="underline-offset-4 hover:underline focus-visible:underline"
          >
            {agent.name}
          </Link>
        </CardTitle>
        <p className="font-mono text-xs text-muted-foreground">{agent.id}</p>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="text-muted-foreground">
          Created {formatTimestamp(agent.created_at, 'short')}
          {variables.data?.template ? ` · version ${variables.data.template.version}` : ''}
        </p>
        {variables.isError ? (
          <p className="text-destructive">
            Could not load its variables: {variables.error.message}
          </p>
        ) : variables.data ? (
          <VariableValues variables={variables.data.variables} />
        ) : (
          <Skeleton className="h-5 w-40" />
        )}
        <details>
          <summary className="cursor-pointer font-medium">
            Memory ({agent.blocks.length} blocks)
          </summary>
          <dl className="mt-2 grid gap-2">
            {agent.blocks.map((block) => (
              <div key={block.id}>
                <dt className="font-mono text-xs text-muted-foreground">{block.label}</dt>
                <dd>
                  <pre className="font-mono text-xs break-words whitespace-pre-wrap">
                    {block.value}
                  </pre>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      </CardContent>
    </Card>
  )
}
