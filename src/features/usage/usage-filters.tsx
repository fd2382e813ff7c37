import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'

import { RANGE_LABELS } from './usage-range'
import { USAGE_RANGES, type UsageSearch } from './usage-search'

export type UsageSearchPatch = Partial<UsageSearch>

/** Range preset or custom dates, grouping and bucket; every change goes to the URL. */
export function UsageFilters({
  search,
  bucket,
  hoursAllowed,
  onChange,
}: {
  search: UsageSearch
  /** The interval in effect: the URL's, or the range's default. */
  bucket: 'hour' | 'day'
  hoursAllowed: boolean
  onChange: (patch: UsageSearchPatch) => void
}) {
  const [from, setFrom] = useState(search.from ?? '')
  const [to, setTo] = useState(search.to ?? '')
  return (
    <div className="mb-6 flex flex-wrap items-end gap-3" role="group" aria-label="Usage filters">
      <div className="grid gap-1.5">
        <Label htmlFor="usage-range">Range</Label>
        <NativeSelect
          id="usage-range"
          className="w-44"
          value={search.range}
          onChange={(event) =>
            onChange({ range: event.target.value as UsageSearch['range'], bucket: undefined })
          }
        >
          {USAGE_RANGES.map((range) => (
            <option key={range} value={range}>
              {RANGE_LABELS[range]}
            </option>
          ))}
        </NativeSelect>
      </div>
      {search.range === 'custom' && (
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label="Custom dates"
          onSubmit={(event) => {
            event.preventDefault()
            onChange({ from: from || undefined, to: to || undefined, bucket: undefined })
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="usage-from">From</Label>
            <Input
              id="usage-from"
              type="date"
              value={from}
              max={to || undefined}
              onChange={(event) => setFrom(event.target.value)}
              className="w-40"
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="usage-to">To</Label>
            <Input
              id="usage-to"
              type="date"
              value={to}
              min={from || undefined}
              onChange={(event) => setTo(event.target.value)}
              className="w-40"
            />
          </div>
          <Button type="submit" variant="outline">
            Apply
          </Button>
        </form>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="usage-group">Group by</Label>
        <NativeSelect
          id="usage-group"
          className="w-32"
          value={search.group}
          onChange={(event) => onChange({ group: event.target.value as UsageSearch['group'] })}
        >
          <option value="model">Model</option>
          <option value="agent">Agent</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="usage-bucket">Interval</Label>
        <NativeSelect
          id="usage-bucket"
          className="w-28"
          value={bucket}
          onChange={(event) => onChange({ bucket: event.target.value as UsageSearch['bucket'] })}
        >
          <option value="hour" disabled={!hoursAllowed}>
            Hourly
          </option>
          <option value="day">Daily</option>
        </NativeSelect>
      </div>
    </div>
  )
}
