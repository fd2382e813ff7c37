import * as React from 'react'

import { cn } from '@/lib/utils'

import {
  layoutBarChart,
  truncateToWidth,
  type BarChartLayout,
  type BarChartOrientation,
} from './bar-chart-layout'

export interface BarChartSeries<Datum> {
  label: string
  /** A CSS colour, usually `var(--chart-n)`, so both themes apply. */
  color: string
  value: (datum: Datum) => number
}

export interface BarChartProps<Datum> {
  /** What the bars show, for screen readers (the visible heading is outside the chart). */
  label: string
  data: readonly Datum[]
  /** The category's full name, as the tooltip and each bar's accessible name say it. */
  category: (datum: Datum) => string
  /** Stacked in this order, the first at the axis. */
  series: readonly BarChartSeries<Datum>[]
  orientation?: BarChartOrientation
  /** The chart's height in pixels; a horizontal chart grows with its categories instead. */
  height?: number
  /** Room for the category names of a horizontal chart; longer names are cut short. */
  categoryAxisWidth?: number
  formatTick?: (value: number) => string
  formatCategoryTick?: (category: string) => string
  formatValue?: (value: number) => string
  integerTicks?: boolean
  className?: string
}

const VALUE_AXIS_WIDTH = 48
const HORIZONTAL_ROW_HEIGHT = 36
const HORIZONTAL_EXTRA_HEIGHT = 32
const TOOLTIP_OFFSET = 12

/** The width of the element, kept current as it resizes; 0 until first measured. */
function useMeasuredWidth() {
  const [width, setWidth] = React.useState(0)
  const ref = React.useCallback((element: HTMLDivElement | null) => {
    if (!element) return
    setWidth(element.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

const identity = (value: string) => value

/**
 * A bar chart drawn as SVG at its container's width (so text keeps its size), with stacked series,
 * a legend, and a tooltip for the bar hovered or focused. The bars are one tab stop: arrow keys,
 * Home and End move between categories, and each bar's accessible name holds its values.
 */
export function BarChart<Datum>({
  label,
  data,
  category,
  series,
  orientation = 'vertical',
  height: fixedHeight = 240,
  categoryAxisWidth = 140,
  formatTick = String,
  formatCategoryTick = identity,
  formatValue = String,
  integerTicks = false,
  className,
}: BarChartProps<Datum>) {
  const [measure, width] = useMeasuredWidth()
  const [hovered, setHovered] = React.useState<number | null>(null)
  const [focused, setFocused] = React.useState<number | null>(null)
  const [tabStop, setTabStop] = React.useState(0)
  const groupElements = React.useRef<(SVGGElement | null)[]>([])

  const vertical = orientation === 'vertical'
  const height = vertical
    ? fixedHeight
    : data.length * HORIZONTAL_ROW_HEIGHT + HORIZONTAL_EXTRA_HEIGHT
  const categories = data.map(category)
  const categoryLabels = vertical
    ? categories.map(formatCategoryTick)
    : categories.map((name) => truncateToWidth(name, categoryAxisWidth - 8))
  const layout: BarChartLayout | null =
    width > 0
      ? layoutBarChart({
          values: data.map((datum) => series.map((item) => item.value(datum))),
          categoryLabels,
          width,
          height,
          orientation,
          leftAxisWidth: vertical ? VALUE_AXIS_WIDTH : categoryAxisWidth,
          integerTicks,
        })
      : null

  const last = data.length - 1
  const rovingIndex = Math.min(tabStop, Math.max(0, last))
  const describe = (index: number) => {
    const datum = data[index]
    if (datum === undefined) return ''
    const values = series.map((item) => `${item.label} ${formatValue(item.value(datum))}`)
    return `${categories[index]}: ${values.join(', ')}`
  }

  const moveFocus = (event: React.KeyboardEvent, index: number) => {
    if (event.key === 'Escape') {
      setHovered(null)
      setFocused(null)
      return
    }
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(last, index + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    setTabStop(next)
    groupElements.current[next]?.focus()
  }

  const shown = hovered ?? focused
  const shownGroup = shown === null ? undefined : layout?.groups[shown]
  const shownDatum = shown === null ? undefined : data[shown]

  return (
    <div data-slot="bar-chart" className={cn('text-xs', className)}>
      <div
        ref={measure}
        className="relative w-full"
        style={{ height }}
        onPointerLeave={() => setHovered(null)}
      >
        {layout && (
          <svg
            width={width}
            height={height}
            role="group"
            aria-label={label}
            className="block overflow-visible"
          >
            <g aria-hidden className="fill-muted-foreground">
              {layout.ticks.map((tick) =>
                vertical ? (
                  <g key={tick.value}>
                    <line
                      x1={layout.plot.left}
                      x2={layout.plot.left + layout.plot.width}
                      y1={layout.plot.top + layout.plot.height - tick.offset}
                      y2={layout.plot.top + layout.plot.height - tick.offset}
                      className="stroke-border"
                    />
                    <text
                      x={layout.plot.left - 8}
                      y={layout.plot.top + layout.plot.height - tick.offset}
                      textAnchor="end"
                      dominantBaseline="middle"
                    >
                      {formatTick(tick.value)}
                    </text>
                  </g>
                ) : (
                  <g key={tick.value}>
                    <line
                      x1={layout.plot.left + tick.offset}
                      x2={layout.plot.left + tick.offset}
                      y1={layout.plot.top}
                      y2={layout.plot.top + layout.plot.height}
                      className="stroke-border"
                    />
                    <text
                      x={layout.plot.left + tick.offset}
                      y={layout.plot.top + layout.plot.height + 16}
                      textAnchor="middle"
                    >
                      {formatTick(tick.value)}
                    </text>
                  </g>
                ),
              )}
              {layout.groups.map((group, index) =>
                !group.showLabel ? null : vertical ? (
                  <text
                    key={index}
                    x={group.band.x + group.band.width / 2}
                    y={layout.plot.top + layout.plot.height + 16}
                    textAnchor="middle"
                  >
                    {categoryLabels[index]}
                  </text>
                ) : (
                  <text
                    key={index}
                    x={layout.plot.left - 8}
                    y={group.band.y + group.band.height / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                  >
                    {categoryLabels[index]}
                  </text>
                ),
              )}
            </g>
            {layout.groups.map((group, index) => (
              <g
                key={index}
                ref={(element) => {
                  groupElements.current[index] = element
                }}
                data-slot="bar-group"
                role="img"
                aria-label={describe(index)}
                tabIndex={index === rovingIndex ? 0 : -1}
                className="group outline-none"
                onPointerEnter={() => setHovered(index)}
                onFocus={() => {
                  setTabStop(index)
                  setFocused(index)
                }}
                onBlur={() => setFocused(null)}
                onKeyDown={(event) => moveFocus(event, index)}
              >
                <rect
                  {...group.band}
                  className={shown === index ? 'fill-muted' : 'fill-transparent'}
                />
                {group.segments.map((segment, seriesIndex) => (
                  <rect key={seriesIndex} {...segment} fill={series[seriesIndex]?.color} />
                ))}
                <rect
                  {...group.band}
                  className="fill-none stroke-ring stroke-2 opacity-0 group-focus-visible:opacity-100"
                />
              </g>
            ))}
          </svg>
        )}
        {shownGroup && shownDatum !== undefined && (
          <div
            role="tooltip"
            className="absolute z-10 grid min-w-32 gap-1.5 rounded-lg border bg-background px-2.5 py-1.5 shadow-xl"
            style={{
              left: shownGroup.tip.x,
              top: Math.min(Math.max(shownGroup.tip.y, 40), height - 40),
              // Beside the bar, on the side with more room, so it never covers the bar itself.
              transform:
                shownGroup.tip.x > width / 2
                  ? `translate(calc(-100% - ${TOOLTIP_OFFSET}px), -50%)`
                  : `translate(${TOOLTIP_OFFSET}px, -50%)`,
            }}
          >
            <div className="font-medium">{categories[shown ?? 0]}</div>
            {series.map((item) => (
              <div key={item.label} className="flex items-center gap-2">
                <span
                  aria-hidden
                  className="size-2.5 shrink-0 rounded-[2px]"
                  style={{ background: item.color }}
                />
                <span className="text-muted-foreground">{item.label}</span>
                <span className="ml-auto font-mono font-medium tabular-nums">
                  {formatValue(item.value(shownDatum))}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
      <ul className="flex flex-wrap items-center justify-center gap-4 pt-3">
        {series.map((item) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="size-2.5 shrink-0 rounded-[2px]"
              style={{ background: item.color }}
            />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  )
}
