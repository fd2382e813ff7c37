export interface VectorSummary {
  dimension: number
  /** The first values, rounded for reading. */
  head: string[]
  /** The first values for the bar strip, scaled to -1..1 by the largest magnitude among them. */
  bars: number[]
}

/** A glance at an embedding: its size, its first few numbers and their shape. */
export function summarizeVector(
  values: readonly number[],
  headCount = 8,
  barCount = 48,
): VectorSummary {
  const head = values.slice(0, headCount).map((value) => {
    const fixed = value.toFixed(3)
    // "-0.000" reads as a bug; a tiny value is zero at this precision.
    return fixed === '-0.000' ? '0.000' : fixed
  })
  const sample = values.slice(0, barCount)
  const peak = sample.reduce((max, value) => Math.max(max, Math.abs(value)), 0)
  return {
    dimension: values.length,
    head,
    bars: sample.map((value) => (peak > 0 ? value / peak : 0)),
  }
}
