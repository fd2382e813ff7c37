import { getRouteApi } from '@tanstack/react-router'
import { lazy, Suspense, useState } from 'react'

import { useDialogState } from '@/components/dialog-opener'
import { ChartColumnIcon, DownloadIcon, TagIcon, TriangleAlertIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/lib/use-now'

import { MAX_FALLBACK_STEPS } from './read-steps'
import { TopRunsTable } from './top-runs-table'
import { RunsOverTime, TokensByGroup, TokensOverTime } from './usage-charts'
import { UsageFilters, type UsageSearchPatch } from './usage-filters'
import { formatCount } from './usage-format'
import type { UsageSummary } from './usage-from-steps'
import { estimateCost, loadPrices, savePrices, type PriceTable } from './usage-prices'
import { browserTimeZone, hoursAllowed, resolveUsageSearch } from './usage-range'
import { UsageTotals } from './usage-totals'
import { useUsageSummary } from './use-usage-summary'

const routeApi = getRouteApi('/usage/')

/** A group's name as shown: the model, or the agent's name (its id once it is deleted). */
function groupNamer(summary: UsageSummary) {
  const names = new Map(summary.groups.map((group) => [group.key, group.name]))
  return (key: string | null) =>
    key === null
      ? summary.group_by === 'model'
        ? '(no model)'
        : '(no agent)'
      : (names.get(key) ?? key)
}

// The price table's dialog and its primitives load when it is first opened, not with the page.
const PriceDialog = lazy(() =>
  import('./price-dialog').then((module) => ({ default: module.PriceDialog })),
)

export function UsagePage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const now = useNow(60_000)
  const [timeZone] = useState(browserTimeZone)
  const resolved = resolveUsageSearch(search, now, timeZone)
  const request = resolved.ok ? resolved.request : undefined
  const { query, stepsRead } = useUsageSummary(request)
  const [prices, setPrices] = useState<PriceTable>(() => loadPrices())
  const priceDialog = useDialogState()

  const answer = query.data
  const summary = answer && 'summary' in answer ? answer.summary : undefined
  const hasUsage = Boolean(summary && summary.totals.steps > 0)
  const groupName = summary ? groupNamer(summary) : () => ''
  const change = (patch: UsageSearchPatch) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }) })

  const exportCsv = async () => {
    if (!summary) return
    const day = (iso: string) => iso.slice(0, 10)
    // The CSV writer loads on the first export, not with the page.
    const { downloadText, usageCsv } = await import('./usage-csv')
    downloadText(
      usageCsv(summary, groupName),
      `usage-${day(summary.start_date)}-to-${day(summary.end_date)}-by-${summary.group_by}.csv`,
    )
  }

  return (
    <>
      <PageHeader
        title="Usage"
        description={
          <>
            Tokens, steps and runs from every model call, by {request?.bucket ?? 'day'} in{' '}
            {timeZone}.
            {answer?.source === 'steps' &&
              ' This server has no usage summary, so the figures are summed here from its step list.'}
          </>
        }
        actions={
          <>
            <Button variant="outline" onClick={() => priceDialog.setOpen(true)}>
              <Icon node={TagIcon} aria-hidden /> Prices
            </Button>
            <Button variant="outline" onClick={() => void exportCsv()} disabled={!hasUsage}>
              <Icon node={DownloadIcon} aria-hidden /> Export CSV
            </Button>
          </>
        }
      />
      <UsageFilters
        key={`${search.from}-${search.to}`}
        search={search}
        bucket={request?.bucket ?? 'day'}
        hoursAllowed={request ? hoursAllowed(request) : false}
        onChange={change}
      />
      {!resolved.ok ? (
        <StateMessage icon={TriangleAlertIcon} title="Choose a range" tone="error">
          <p className="text-sm text-muted-foreground">{resolved.problem}</p>
        </StateMessage>
      ) : query.isPending ? (
        stepsRead === null ? (
          <UsagePageSkeleton />
        ) : (
          <StateMessage icon={ChartColumnIcon} title="Reading steps from the server">
            <p className="text-sm text-muted-foreground">
              {formatCount(stepsRead)} steps read so far; the figures appear once all are in.
            </p>
          </StateMessage>
        )
      ) : query.isError ? (
        <LoadErrorMessage
          title="Usage could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : answer && 'tooLarge' in answer ? (
        <StateMessage icon={TriangleAlertIcon} title="Too many steps to sum here">
          <p className="max-w-prose text-sm text-muted-foreground">
            This server has no usage summary, and this range holds more than{' '}
            {formatCount(MAX_FALLBACK_STEPS)} steps, the most this page reads from its step list.
            Choose a shorter range; no partial figures are shown.
          </p>
        </StateMessage>
      ) : !summary || !hasUsage ? (
        <StateMessage icon={ChartColumnIcon} title="No usage in this range">
          <p className="text-sm text-muted-foreground">
            No model was called between these dates. Choose a longer range, or send an agent a
            message.
          </p>
        </StateMessage>
      ) : (
        <>
          <UsageTotals
            totals={summary.totals}
            estimate={estimateCost(summary.models, prices)}
            onEditPrices={() => priceDialog.setOpen(true)}
          />
          <div className="grid gap-6 xl:grid-cols-2">
            <TokensOverTime summary={summary} />
            <TokensByGroup summary={summary} groupName={groupName} />
            <RunsOverTime summary={summary} />
          </div>
          {summary.top_runs.length > 0 && <TopRunsTable runs={summary.top_runs} />}
        </>
      )}
      {priceDialog.mounted && (
        <Suspense fallback={null}>
          <PriceDialog
            open={priceDialog.open}
            onOpenChange={priceDialog.setOpen}
            models={summary?.models.flatMap((model) => (model.key ? [model.key] : [])) ?? []}
            prices={prices}
            onSave={(table) => {
              savePrices(table)
              setPrices(table)
            }}
          />
        </Suspense>
      )}
    </>
  )
}

export function UsagePageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading usage" className="grid gap-6">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-20" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Skeleton className="h-80" />
        <Skeleton className="h-80" />
      </div>
    </div>
  )
}
