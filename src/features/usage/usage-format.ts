const integer = new Intl.NumberFormat('en-US')
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })
const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
})

export const formatCount = (value: number) => integer.format(value)
export const formatCompact = (value: number) => compact.format(value)
export const formatDollars = (value: number) => dollars.format(value)

/** A bucket label shortened for an axis: `03-14` for a day, `14:00` for an hour. */
export const shortBucketLabel = (label: string) =>
  label.length > 10 ? label.slice(11) : label.slice(5)
