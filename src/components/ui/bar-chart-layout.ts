/**
 * Where a bar chart's parts go, in pixels, for a given size: value ticks, one band per category with
 * its stacked segments, and which category labels have room. Pure, so it is tested without a DOM.
 */

export type BarChartOrientation = 'vertical' | 'horizontal'

export interface PlotArea {
  left: number
  top: number
  width: number
  height: number
}

export interface ValueTick {
  value: number
  /** Distance from the value axis's zero, in pixels. */
  offset: number
}

export interface BarSegment {
  x: number
  y: number
  width: number
  height: number
}

export interface BarGroupLayout {
  /** The whole band of the category (the hover target and focus outline), across the plot. */
  band: BarSegment
  /** One per series, in series order; zero-sized where the value is zero. */
  segments: BarSegment[]
  /** The tip of the stack: where a tooltip points. */
  tip: { x: number; y: number }
  /** Whether this category's label is drawn; the others would overlap their neighbours. */
  showLabel: boolean
}

export interface BarChartLayout {
  plot: PlotArea
  ticks: ValueTick[]
  groups: BarGroupLayout[]
}

export interface BarChartLayoutInput {
  /** For each category, the value of each series (stacked in this order). */
  values: readonly (readonly number[])[]
  /** The category labels as drawn, to tell which fit side by side. */
  categoryLabels: readonly string[]
  width: number
  height: number
  orientation: BarChartOrientation
  /** Room for the axis on the left: value ticks (vertical) or category names (horizontal). */
  leftAxisWidth: number
  /** Ticks at whole numbers only, for counts. */
  integerTicks?: boolean
}

const AXIS_HEIGHT = 24
const TOP_PADDING = 8
// A horizontal chart's last tick label is centred on the plot's right edge, so half of it sticks out.
const RIGHT_PADDING = { vertical: 8, horizontal: 24 } as const
const BAND_FILL = 0.8
const MAX_BAR_THICKNESS = 56
const LABEL_GAP = 12
// Leaves the tick labels (about 30 px) well apart.
const PIXELS_PER_TICK = 56

/**
 * Round steps (1, 2, 2.5 or 5 times a power of ten) from zero to at least `max`, about `count` of
 * them; counts step by whole numbers.
 */
export function niceTicks(max: number, count: number, integers = false): number[] {
  if (!(max > 0)) return [0, 1]
  const rough = max / Math.max(1, count)
  const magnitude = Math.max(integers ? 1 : 0, 10 ** Math.floor(Math.log10(rough)))
  const multiples = integers && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
  const step = (multiples.find((multiple) => multiple * magnitude >= rough) ?? 10) * magnitude
  const steps = Math.ceil(max / step - 1e-9)
  // Multiplying, not adding, keeps 0.1 + 0.2 style drift out of the labels.
  return Array.from({ length: steps + 1 }, (_, index) => Number((index * step).toPrecision(12)))
}

/** A label's width in pixels at the chart's 12 px text, close enough to keep labels apart. */
const estimateTextWidth = (text: string) => text.length * 7

/** Every how many categories a label can be drawn without touching the next one drawn. */
export function labelInterval(labels: readonly string[], bandSize: number): number {
  const widest = Math.max(0, ...labels.map(estimateTextWidth))
  if (bandSize <= 0) return Math.max(1, labels.length)
  return Math.max(1, Math.ceil((widest + LABEL_GAP) / bandSize))
}

export function layoutBarChart(input: BarChartLayoutInput): BarChartLayout {
  const { values, orientation, width, height } = input
  const vertical = orientation === 'vertical'
  const plot: PlotArea = {
    left: input.leftAxisWidth,
    top: TOP_PADDING,
    width: Math.max(0, width - input.leftAxisWidth - RIGHT_PADDING[orientation]),
    height: Math.max(0, height - TOP_PADDING - AXIS_HEIGHT),
  }
  const valueLength = vertical ? plot.height : plot.width
  const categoryLength = vertical ? plot.width : plot.height

  const totals = values.map((series) => series.reduce((sum, value) => sum + Math.max(0, value), 0))
  const tickValues = niceTicks(
    Math.max(0, ...totals),
    Math.max(2, Math.floor(valueLength / PIXELS_PER_TICK)),
    input.integerTicks,
  )
  const top = tickValues[tickValues.length - 1] ?? 1
  const scale = (value: number) => (value / top) * valueLength
  const ticks = tickValues.map((value) => ({ value, offset: scale(value) }))

  const bandSize = values.length ? categoryLength / values.length : 0
  const thickness = Math.min(bandSize * BAND_FILL, MAX_BAR_THICKNESS)
  const interval = vertical ? labelInterval(input.categoryLabels, bandSize) : 1

  const groups = values.map((series, index): BarGroupLayout => {
    const bandStart = index * bandSize
    const barStart = bandStart + (bandSize - thickness) / 2
    let stacked = 0
    const segments = series.map((value) => {
      const from = scale(stacked)
      stacked += Math.max(0, value)
      const length = scale(stacked) - from
      return vertical
        ? {
            x: plot.left + barStart,
            y: plot.top + plot.height - from - length,
            width: thickness,
            height: length,
          }
        : { x: plot.left + from, y: plot.top + barStart, width: length, height: thickness }
    })
    const reach = scale(stacked)
    return vertical
      ? {
          band: { x: plot.left + bandStart, y: plot.top, width: bandSize, height: plot.height },
          segments,
          tip: { x: plot.left + bandStart + bandSize / 2, y: plot.top + plot.height - reach },
          showLabel: index % interval === 0,
        }
      : {
          band: { x: plot.left, y: plot.top + bandStart, width: plot.width, height: bandSize },
          segments,
          tip: { x: plot.left + reach, y: plot.top + bandStart + bandSize / 2 },
          showLabel: true,
        }
  })

  return { plot, ticks, groups }
}
