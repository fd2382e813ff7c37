import { Button } from '@/components/ui/button'

import { formatCount, formatDollars } from './usage-format'
import type { UsageFigures } from './usage-from-steps'
import type { CostEstimate } from './usage-prices'

const CARD = 'grid gap-1 rounded-xl border bg-card px-4 py-3 text-card-foreground shadow-sm'

const FIGURES: [keyof UsageFigures, string][] = [
  ['total_tokens', 'Total tokens'],
  ['prompt_tokens', 'Prompt tokens'],
  ['completion_tokens', 'Completion tokens'],
  ['cached_tokens', 'Cached prompt tokens'],
  ['reasoning_tokens', 'Reasoning tokens'],
  ['runs', 'Runs'],
  ['steps', 'Steps'],
]

/** The range's sums, and the cost at the user's own prices (none until they enter some). */
export function UsageTotals({
  totals,
  estimate,
  onEditPrices,
}: {
  totals: UsageFigures
  estimate: CostEstimate
  onEditPrices: () => void
}) {
  return (
    <section aria-labelledby="usage-totals-title" className="mb-6">
      <h2 id="usage-totals-title" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
        {FIGURES.map(([key, label]) => (
          <div key={key} className={CARD}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-mono text-xl font-semibold tabular-nums">
              {formatCount(totals[key])}
            </dd>
          </div>
        ))}
        <div className={CARD}>
          <dt className="text-xs text-muted-foreground">Estimated cost</dt>
          <dd>
            {estimate.pricedModels.length ? (
              <span className="font-mono text-xl font-semibold tabular-nums">
                {formatDollars(estimate.cost)}
              </span>
            ) : (
              <Button variant="link" className="h-auto p-0" onClick={onEditPrices}>
                Set model prices
              </Button>
            )}
            {estimate.pricedModels.length > 0 && estimate.unpricedModels.length > 0 && (
              <p className="text-xs text-muted-foreground">
                Without {estimate.unpricedModels.join(', ')}: no price set
              </p>
            )}
          </dd>
        </div>
      </dl>
    </section>
  )
}
