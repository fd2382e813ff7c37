import { matching, oneOf, searchValidator, withoutUndefined } from '@/lib/search-params'

import type { UsageBucket } from './time-buckets'
import type { UsageGrouping } from './usage-from-steps'

export const USAGE_RANGES = ['24h', '7d', '30d', '90d', 'custom'] as const
export type UsageRange = (typeof USAGE_RANGES)[number]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The /usage page's URL: the range (a preset or two dates), the grouping and the bucket. */
export interface UsageSearch {
  range: UsageRange
  from?: string | undefined
  to?: string | undefined
  group: UsageGrouping
  bucket?: UsageBucket | undefined
}

/** Reads the /usage page's URL; a bad value falls back to the last 7 days by model. */
export const readUsageSearch = (search: Record<string, unknown>): UsageSearch =>
  withoutUndefined({
    range: oneOf(search.range, USAGE_RANGES, '7d'),
    from: matching(search.from, ISO_DATE),
    to: matching(search.to, ISO_DATE),
    group: oneOf(search.group, ['model', 'agent'], 'model'),
    bucket: oneOf(search.bucket, ['hour', 'day'], undefined),
  })

export const parseUsageSearch = searchValidator(readUsageSearch)
