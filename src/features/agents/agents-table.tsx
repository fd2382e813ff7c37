import { Link, useNavigate } from '@tanstack/react-router'

import type { Agent } from '@/api/agents'
import { TrashIcon } from '@/components/icons'
import { StopReason } from '@/components/run-badges'
import { TableCard } from '@/components/table-card'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatTimestamp } from '@/lib/format'
import { rowClick } from '@/lib/row-click'

import { DeleteAgentDialog } from './delete-agent-dialog'

const COLUMNS = ['Name', 'Model', 'Tools', 'Sources', 'Last run', 'Tags', 'Actions']

/** Names of the tools the user attached; the agent type's built-in tools are only counted. */
function toolSummary(agent: Agent): string {
  const custom = agent.tools.filter((tool) => tool.tool_type === 'custom').map((tool) => tool.name)
  const builtIn = agent.tools.length - custom.length
  const parts = [...custom]
  if (builtIn > 0) parts.push(`${builtIn} built-in`)
  return parts.length ? parts.join(', ') : '—'
}

export function AgentsTable({ agents }: { agents: Agent[] }) {
  const navigate = useNavigate()
  return (
    <TableCard
      aria-label="Agents"
      head={COLUMNS.map((column) => (
        <TableHead
          key={column}
          scope="col"
          className={column === 'Actions' ? 'sr-only' : 'px-3 text-xs text-muted-foreground'}
        >
          {column}
        </TableHead>
      ))}
    >
      {agents.map((agent) => (
        <TableRow
          key={agent.id}
          data-agent-id={agent.id}
          className="cursor-pointer"
          onClick={rowClick(
            () => void navigate({ to: '/agents/$agentId', params: { agentId: agent.id } }),
          )}
        >
          <TableCell className="max-w-56 px-3">
            <Link
              to="/agents/$agentId"
              params={{ agentId: agent.id }}
              className="block truncate font-medium underline-offset-4 hover:underline"
            >
              {agent.name}
            </Link>
          </TableCell>
          <TableCell className="px-3 font-mono text-xs">{agent.model ?? '—'}</TableCell>
          <TableCell className="max-w-56 truncate px-3 text-sm">{toolSummary(agent)}</TableCell>
          <TableCell className="max-w-48 truncate px-3 text-sm">
            {agent.sources.length ? agent.sources.map((source) => source.name).join(', ') : '—'}
          </TableCell>
          <TableCell className="px-3">
            {agent.last_run_completion ? (
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-sm whitespace-nowrap">
                  {formatTimestamp(agent.last_run_completion, 'short')}
                </span>
                <StopReason reason={agent.last_stop_reason} />
              </span>
            ) : (
              <span className="text-muted-foreground">Never</span>
            )}
          </TableCell>
          <TableCell className="px-3">
            <span className="flex flex-wrap gap-1">
              {agent.tags.map((tag) => (
                <Badge key={tag} variant="secondary">
                  {tag}
                </Badge>
              ))}
            </span>
          </TableCell>
          <TableCell className="px-3 text-right">
            <DeleteAgentDialog agent={agent}>
              <Button variant="ghost" size="icon" aria-label={`Delete ${agent.name}`}>
                <Icon node={TrashIcon} />
              </Button>
            </DeleteAgentDialog>
          </TableCell>
        </TableRow>
      ))}
    </TableCard>
  )
}
