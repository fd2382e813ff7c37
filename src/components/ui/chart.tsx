import * as React from 'react'
import * as RechartsPrimitive from 'recharts'

import { cn } from '@/lib/utils'

/** Each series' label and colour (a CSS colour, usually `var(--chart-n)`, so both themes apply). */
export type ChartConfig = Record<string, { label: string; color: string }>

const ChartContext = React.createContext<ChartConfig | null>(null)

function useChartConfig(): ChartConfig {
  const config = React.useContext(ChartContext)
  if (!config) throw new Error('Chart parts must be inside a <ChartContainer>')
  return config
}

/**
 * A responsive recharts frame: sets `--color-<key>` for every series of the config on itself, so
 * charts say `fill="var(--color-prompt)"`, and styles recharts' text and grid with theme colours.
 */
export function ChartContainer({
  config,
  className,
  style,
  children,
  ...props
}: React.ComponentProps<'div'> & {
  config: ChartConfig
  children: React.ComponentProps<typeof RechartsPrimitive.ResponsiveContainer>['children']
}) {
  const colors = Object.fromEntries(
    Object.entries(config).map(([key, item]) => [`--color-${key}`, item.color]),
  )
  return (
    <ChartContext.Provider value={config}>
      <div
        data-slot="chart"
        className={cn(
          'flex aspect-video justify-center text-xs',
          '[&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground',
          '[&_.recharts-cartesian-grid_line]:stroke-border',
          '[&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted',
          '[&_.recharts-surface]:outline-hidden',
          className,
        )}
        style={{ ...colors, ...style } as React.CSSProperties}
        {...props}
      >
        <RechartsPrimitive.ResponsiveContainer>{children}</RechartsPrimitive.ResponsiveContainer>
      </div>
    </ChartContext.Provider>
  )
}

export const ChartTooltip = RechartsPrimitive.Tooltip
export const ChartLegend = RechartsPrimitive.Legend

interface PayloadItem {
  dataKey?: string | number | ((item: unknown) => unknown)
  name?: string | number
  value?: unknown
  color?: string
}

/** The tooltip box: the bucket or group, then each series with its colour, label and value. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  formatValue = (value) => String(value),
}: {
  active?: boolean
  payload?: readonly PayloadItem[]
  label?: React.ReactNode
  formatValue?: (value: number) => string
}) {
  const config = useChartConfig()
  if (!active || !payload?.length) return null
  return (
    <div className="grid min-w-32 gap-1.5 rounded-lg border bg-background px-2.5 py-1.5 text-xs shadow-xl">
      <div className="font-medium">{label}</div>
      {payload.map((item) => {
        const key = String(item.dataKey ?? item.name ?? '')
        return (
          <div key={key} className="flex items-center gap-2">
            <span
              aria-hidden
              className="size-2.5 shrink-0 rounded-[2px]"
              style={{ background: config[key]?.color ?? item.color }}
            />
            <span className="text-muted-foreground">{config[key]?.label ?? key}</span>
            <span className="ml-auto font-mono font-medium tabular-nums">
              {formatValue(Number(item.value ?? 0))}
            </span>
          </div>
        )
      })}
    </div>
  )
}

/** The legend: a swatch and the label of every series of the config, in its order. */
export function ChartLegendContent({ className }: { className?: string }) {
  const config = useChartConfig()
  return (
    <ul className={cn('flex flex-wrap items-center justify-center gap-4 pt-3', className)}>
      {Object.entries(config).map(([key, item]) => (
        <li key={key} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-2.5 shrink-0 rounded-[2px]"
            style={{ background: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  )
}
