import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { runsQueryOptions } from '@/api/runs'
import { RunStatusBadge, StopReason } from '@/components/run-badges'
import { LoadErrorMessage } from '@/components/state-message'
import { Skeleton } from '@/components/ui/skeleton'
import { formatTimestamp } from '@/lib/format'

/** Runs listed here; the runs page filtered to the agent shows them all. */
const AGENT_RUNS_SHOWN = 10

/** The agent's latest runs, each a link to its page. */
export function AgentRuns({ agentId }: { agentId: string }) {
  const runs = useQuery(runsQueryOptions({ agentId, limit: AGENT_RUNS_SHOWN }))
  if (runs.isPending) return <Skeleton className="h-20 w-full" />
  if (runs.isError) {
    return (
      <LoadErrorMessage
        title="Could not load runs"
        error={runs.error}
        onRetry={() => void runs.refetch()}
      />
    )
  }
  return (
    <div className="grid gap-3">
      {runs.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">No runs yet.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Latest runs">
          {runs.data.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-2 text-sm">
              <RunStatusBadge status={run.status} />
              <Link
                to="/runs/$runId"
                params={{ runId: run.id }}
                className="underline-offset-4 hover:underline"
              >
                {formatTimestamp(run.created_at, 'medium')}
              </Link>
              <StopReason reason={run.stop_reason} />
            </li>
          ))}
        </ul>
      )}
      <Link to="/runs" search={{ agent: agentId }} className="text-sm underline underline-offset-4">
        All runs of this agent
      </Link>
    </div>
  )
}
