import * as React from 'react'

import { rovingIndex } from '@/lib/roving-index'
import { cn } from '@/lib/utils'

import {
  layoutBarChart,
  type BarChartLayout,
  type BarChartOrientation,
  type BarGroupLayout,
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

/** The width of the element, borders included, kept current as it resizes; 0 until first measured. */
function useMeasuredWidth() {
  const [width, setWidth] = React.useState(0)
  const ref = React.useCallback((element: HTMLDivElement | null) => {
    if (!element) return
    setWidth(element.offsetWidth)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(element.offsetWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

const identity = (value: string) => value

/** A series' colour, as the legend and the tooltip show it beside its name. */
function SeriesSwatch({ color }: { color: string }) {
  return (
    <span aria-hidden className="size-2.5 shrink-0 rounded-[2px]" style={{ background: color }} />
  )
}

/**
 * Where the tooltip goes so it leaves the bar it describes in view and stays inside the chart:
 * beside a column, on the right unless only the left has room; below a row in the top half of a
 * horizontal chart and above one in the bottom half, ending where the bar ends.
 */
function tooltipPlacement(
  group: BarGroupLayout,
  below: boolean,
  tooltipWidth: number,
  width: number,
  height: number,
  vertical: boolean,
): React.CSSProperties {
  const inside = (left: number) => Math.max(0, Math.min(left, width - tooltipWidth))
  if (vertical) {
    const right = group.tip.x + TOOLTIP_OFFSET
    const fitsRight = right + tooltipWidth <= width
    return {
      left: inside(fitsRight ? right : group.tip.x - TOOLTIP_OFFSET - tooltipWidth),
      top: Math.min(Math.max(group.tip.y, 40), height - 40),
      transform: 'translateY(-50%)',
    }
  }
  return {
    left: inside(group.tip.x - tooltipWidth),
    top: below ? group.band.y + group.band.height : group.band.y,
    transform: below
      ? `translateY(${TOOLTIP_OFFSET / 2}px)`
      : `translateY(calc(-100% - ${TOOLTIP_OFFSET / 2}px))`,
  }
}

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
  const [measureTooltip, tooltipWidth] = useMeasuredWidth()
  const [hovered, setHovered] = React.useState<number | null>(null)
  const [focused, setFocused] = React.useState<number | null>(null)
  const [tabStop, setTabStop] = React.useState(0)
  const groupElements = React.useRef<(SVGGElement | null)[]>([])

  const vertical = orientation === 'vertical'
  const height = vertical
    ? fixedHeight
    : data.length * HORIZONTAL_ROW_HEIGHT + HORIZONTAL_EXTRA_HEIGHT
  const categories = data.map(category)
  const categoryLabels = vertical ? categories.map(formatCategoryTick) : categories
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

  const tabStopIndex = Math.min(tabStop, Math.max(0, data.length - 1))
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
    const next = rovingIndex(event.key, index, data.length, { axis: 'both', wrap: false })
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
              {vertical &&
                layout.groups.map((group, index) =>
                  group.showLabel ? (
                    <text
                      key={index}
                      x={group.band.x + group.band.width / 2}
                      y={layout.plot.top + layout.plot.height + 16}
                      textAnchor="middle"
                    >
                      {categoryLabels[index]}
                    </text>
                  ) : null,
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
                tabIndex={index === tabStopIndex ? 0 : -1}
                className="group outline-none"
                onPointerEnter={() => setHovered(index)}
                onFocus={(event) => {
                  setTabStop(index)
                  // A click focuses the bar too, but its tooltip should go when the pointer does.
                  if (event.currentTarget.matches(':focus-visible')) setFocused(index)
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
        {layout &&
          !vertical &&
          layout.groups.map((group, index) => (
            // HTML, not SVG text, so a long name is cut with an ellipsis at its real width.
            <div
              key={index}
              aria-hidden
              className="absolute truncate pr-2 text-right leading-none text-muted-foreground"
              style={{
                left: 0,
                width: layout.plot.left,
                top: group.band.y + group.band.height / 2,
                transform: 'translateY(-50%)',
              }}
            >
              {categories[index]}
            </div>
          ))}
        {shownGroup && shownDatum !== undefined && (
          <div
            role="tooltip"
            className="absolute z-10 grid w-max max-w-72 min-w-32 gap-1.5 rounded-lg border bg-background px-2.5 py-1.5 shadow-xl"
            ref={measureTooltip}
            style={tooltipPlacement(
              shownGroup,
              (shown ?? 0) < data.length / 2,
              tooltipWidth,
              width,
              height,
              vertical,
            )}
          >
            <div className="font-medium break-words">{categories[shown ?? 0]}</div>
            {series.map((item) => (
              <div key={item.label} className="flex items-center gap-2 whitespace-nowrap">
                <SeriesSwatch color={item.color} />
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
            <SeriesSwatch color={item.color} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  )
}
