import { Link } from '@tanstack/react-router'

import { TableCard } from '@/components/table-card'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatTimestamp } from '@/lib/format'

import { formatCount } from './usage-format'
import type { UsageSummary } from './usage-from-steps'

/** The runs with the most tokens in the range, each a link to its steps and transcript. */
export function TopRunsTable({ runs }: { runs: UsageSummary['top_runs'] }) {
  return (
    <section aria-labelledby="top-runs-title" className="mt-6">
      <h2 id="top-runs-title" className="mb-3 text-base font-semibold">
        Top runs by tokens
      </h2>
      <TableCard
        aria-labelledby="top-runs-title"
        head={
          <>
            <TableHead>Run</TableHead>
            <TableHead>Agent</TableHead>
            <TableHead>Model</TableHead>
            <TableHead>Started</TableHead>
            <TableHead className="text-right">Steps</TableHead>
            <TableHead className="text-right">Prompt</TableHead>
            <TableHead className="text-right">Completion</TableHead>
            <TableHead className="text-right">Total</TableHead>
          </>
        }
      >
        {runs.map((run) => (
          <TableRow key={run.run_id}>
            <TableCell>
              <Link
                to="/runs/$runId"
                params={{ runId: run.run_id }}
                className="font-mono text-xs underline underline-offset-4"
              >
                {run.run_id}
              </Link>
            </TableCell>
            <TableCell className="max-w-48 truncate">
              {run.agent_name ?? run.agent_id ?? '—'}
            </TableCell>
            <TableCell className="font-mono text-xs">{run.model ?? '—'}</TableCell>
            <TableCell className="whitespace-nowrap">
              {formatTimestamp(run.started_at, 'short')}
            </TableCell>
            {[run.steps, run.prompt_tokens, run.completion_tokens, run.total_tokens].map(
              (value, index) => (
                <TableCell key={index} className="text-right font-mono tabular-nums">
                  {formatCount(value)}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableCard>
    </section>
  )
}
