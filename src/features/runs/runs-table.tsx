import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type * as React from 'react'

import { runUsageQueryOptions, type Run } from '@/api/runs'
import { RunStatusBadge, StopReason } from '@/components/run-badges'
import { TableCard } from '@/components/table-card'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatDuration, formatTimestamp } from '@/lib/format'
import { rowClick } from '@/lib/row-click'

import { runDurationMs } from './runs-search'

const COLUMNS = ['Status', 'Run', 'Agent', 'Started', 'Duration', 'Tokens', 'Stop reason']

function RunsTableFrame({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <TableCard
      aria-label="Runs"
      busy={busy}
      head={COLUMNS.map((column) => (
        <TableHead key={column} scope="col" className="px-3 text-xs text-muted-foreground">
          {column}
        </TableHead>
      ))}
    >
      {children}
    </TableCard>
  )
}

export function RunsTableSkeleton() {
  return (
    <RunsTableFrame busy>
      {Array.from({ length: 6 }, (_, index) => (
        <TableRow key={index}>
          {COLUMNS.map((column) => (
            <TableCell key={column} className="px-3 py-3">
              <Skeleton className="h-4 w-full max-w-24" />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </RunsTableFrame>
  )
}

/** The tokens of a finished run, summed over its steps by the server; asked once a run is done. */
function RunTokens({ run }: { run: Run }) {
  const usage = useQuery({
    ...runUsageQueryOptions(run.id),
    enabled: run.status !== 'created' && run.status !== 'running',
  })
  if (!usage.data) return <span className="text-muted-foreground">—</span>
  return <span className="tabular-nums">{usage.data.total_tokens.toLocaleString()}</span>
}

export function RunsTable({
  runs,
  now,
  agentNames,
}: {
  runs: Run[]
  now: number
  agentNames: ReadonlyMap<string, string>
}) {
  const navigate = useNavigate()
  return (
    <RunsTableFrame>
      {runs.map((run) => (
        <TableRow
          key={run.id}
          data-run-id={run.id}
          className="cursor-pointer"
          onClick={rowClick(() => void navigate({ to: '/runs/$runId', params: { runId: run.id } }))}
        >
          <TableCell className="px-3">
            <RunStatusBadge status={run.status} />
          </TableCell>
          <TableCell className="px-3">
            <Link
              to="/runs/$runId"
              params={{ runId: run.id }}
              className="font-mono text-xs underline-offset-4 hover:underline"
            >
              {run.id}
            </Link>
          </TableCell>
          <TableCell className="max-w-48 truncate px-3">
            <Link
              to="/agents/$agentId"
              params={{ agentId: run.agent_id }}
              className="underline-offset-4 hover:underline"
            >
              {agentNames.get(run.agent_id) ?? run.agent_id}
            </Link>
          </TableCell>
          <TableCell className="px-3 whitespace-nowrap">
            {formatTimestamp(run.created_at, 'medium')}
          </TableCell>
          <TableCell className="px-3 tabular-nums">
            {formatDuration(runDurationMs(run, now))}
          </TableCell>
          <TableCell className="px-3">
            <RunTokens run={run} />
          </TableCell>
          <TableCell className="px-3">
            <StopReason reason={run.stop_reason} />
          </TableCell>
        </TableRow>
      ))}
    </RunsTableFrame>
  )
}
