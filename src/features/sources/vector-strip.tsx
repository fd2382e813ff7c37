import { summarizeVector } from './vector-preview'

/** An embedding at a glance: its dimension, its first values, and a bar strip of their signs and sizes. */
export function VectorStrip({
  values,
  dimension,
}: {
  values: readonly number[]
  dimension?: number
}) {
  const summary = summarizeVector(values)
  const width = summary.bars.length * 4
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
      <span className="shrink-0 tabular-nums">
        {(dimension ?? summary.dimension).toLocaleString()} dims
      </span>
      <svg
        viewBox={`0 0 ${width} 24`}
        width={width}
        height={24}
        className="shrink-0"
        role="img"
        aria-label={`The first ${summary.bars.length} embedding values`}
      >
        <line x1={0} x2={width} y1={12} y2={12} className="stroke-border" strokeWidth={1} />
        {summary.bars.map((bar, index) => (
          <rect
            key={index}
            x={index * 4}
            width={3}
            y={bar >= 0 ? 12 - bar * 12 : 12}
            height={Math.max(Math.abs(bar) * 12, 0.75)}
            className={bar >= 0 ? 'fill-chart-2' : 'fill-chart-1'}
          />
        ))}
      </svg>
      <code className="min-w-0 truncate font-mono">
        [{summary.head.join(', ')}
        {summary.dimension > summary.head.length ? ', …' : ''}]
      </code>
    </div>
  )
}
