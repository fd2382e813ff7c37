import { useQuery } from '@tanstack/react-query'

import { runStepsQueryOptions, type Step } from '@/api/runs'
import { FootprintsIcon } from '@/components/icons'
import { StopReason } from '@/components/run-badges'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { TableCard } from '@/components/table-card'
import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'

const COLUMNS = [
  'Step',
  'Model',
  'Status',
  'Prompt',
  'Completion',
  'Total',
  'Cached',
  'Reasoning',
  'Stop reason',
]
const NUMERIC = new Set(['Prompt', 'Completion', 'Total', 'Cached', 'Reasoning'])

const tokens = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString()

const stepModel = (step: Step) => step.model_handle ?? step.model ?? '—'

/** The run's usage, one row per provider call, and their sums. */
export function RunSteps({
  runId,
  refetchInterval,
}: {
  runId: string
  refetchInterval: number | false
}) {
  const steps = useQuery({ ...runStepsQueryOptions(runId), refetchInterval })
  if (steps.isPending) return <Skeleton className="h-24 w-full" />
  if (steps.isError) {
    return (
      <LoadErrorMessage
        title="Could not load the steps"
        error={steps.error}
        onRetry={() => void steps.refetch()}
      />
    )
  }
  if (steps.data.length === 0) {
    return <StateMessage icon={FootprintsIcon} title="No model calls in this run" />
  }
  const sum = (pick: (step: Step) => number | null | undefined) =>
    steps.data.reduce((total, step) => total + (pick(step) ?? 0), 0)
  return (
    <TableCard
      aria-label="Steps"
      head={COLUMNS.map((column) => (
        <TableHead
          key={column}
          scope="col"
          className={NUMERIC.has(column) ? 'px-3 text-right text-xs' : 'px-3 text-xs'}
        >
          {column}
        </TableHead>
      ))}
    >
      {steps.data.map((step, index) => (
        <TableRow key={step.id} data-step-id={step.id}>
          <TableCell className="px-3 tabular-nums">{index + 1}</TableCell>
          <TableCell className="px-3 font-mono text-xs">{stepModel(step)}</TableCell>
          <TableCell className="px-3">
            <Badge variant={step.status === 'failed' ? 'destructive' : 'outline'}>
              {step.status}
            </Badge>
          </TableCell>
          <TableCell className="px-3 text-right tabular-nums">
            {tokens(step.prompt_tokens)}
          </TableCell>
          <TableCell className="px-3 text-right tabular-nums">
            {tokens(step.completion_tokens)}
          </TableCell>
          <TableCell className="px-3 text-right tabular-nums">
            {tokens(step.total_tokens)}
          </TableCell>
          <TableCell className="px-3 text-right tabular-nums">
            {tokens(step.cached_input_tokens)}
          </TableCell>
          <TableCell className="px-3 text-right tabular-nums">
            {tokens(step.reasoning_tokens)}
          </TableCell>
          <TableCell className="px-3">
            <StopReason reason={step.stop_reason} />
          </TableCell>
        </TableRow>
      ))}
      <TableRow className="font-medium hover:bg-transparent">
        <TableCell className="px-3" colSpan={3}>
          All {steps.data.length} steps
        </TableCell>
        <TableCell className="px-3 text-right tabular-nums">
          {tokens(sum((step) => step.prompt_tokens))}
        </TableCell>
        <TableCell className="px-3 text-right tabular-nums">
          {tokens(sum((step) => step.completion_tokens))}
        </TableCell>
        <TableCell className="px-3 text-right tabular-nums">
          {tokens(sum((step) => step.total_tokens))}
        </TableCell>
        <TableCell className="px-3 text-right tabular-nums">
          {tokens(sum((step) => step.cached_input_tokens))}
        </TableCell>
        <TableCell className="px-3 text-right tabular-nums">
          {tokens(sum((step) => step.reasoning_tokens))}
        </TableCell>
        <TableCell className="px-3" />
      </TableRow>
    </TableCard>
  )
}
