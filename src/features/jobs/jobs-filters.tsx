import { JOB_STATUSES, JOB_TYPES } from '@/api/jobs'
import { XIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import { Switch } from '@/components/ui/switch'

import { JOB_TYPE_LABELS } from './job-format'
import { hasJobFilters, type JobsSearch } from './jobs-search'

const ALL = 'all'

type FilterPatch = Partial<Pick<JobsSearch, 'status' | 'type' | 'source' | 'active'>>

export function JobsFilters({
  search,
  sourceNames,
  onChange,
}: {
  search: JobsSearch
  sourceNames: ReadonlyMap<string, string>
  onChange: (patch: FilterPatch) => void
}) {
  const sources = [...sourceNames].sort(([, a], [, b]) => a.localeCompare(b))
  // A source from the URL that the list does not have (deleted, or not loaded yet) stays choosable.
  if (search.source && !sourceNames.has(search.source))
    sources.unshift([search.source, search.source])

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <NativeSelect
        aria-label="Status"
        className="w-40"
        value={search.status ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ status: value === ALL ? undefined : (value as JobsSearch['status']) })
        }}
      >
        <option value={ALL}>All statuses</option>
        {JOB_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Type"
        className="w-32"
        value={search.type ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ type: value === ALL ? undefined : (value as JobsSearch['type']) })
        }}
      >
        <option value={ALL}>All types</option>
        {JOB_TYPES.map((type) => (
          <option key={type} value={type}>
            {JOB_TYPE_LABELS[type] ?? type}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Source"
        className="w-52 max-w-full"
        value={search.source ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ source: value === ALL ? undefined : value })
        }}
      >
        <option value={ALL}>All sources</option>
        {sources.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </NativeSelect>
      <div className="ml-1 flex items-center gap-2">
        <Switch
          id="jobs-active-only"
          checked={search.active ?? false}
          onCheckedChange={(checked) => onChange({ active: checked || undefined })}
        />
        <Label htmlFor="jobs-active-only">Active only</Label>
      </div>
      {hasJobFilters(search) && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() =>
            onChange({ status: undefined, type: undefined, source: undefined, active: undefined })
          }
        >
          <Icon node={XIcon} />
          Clear filters
        </Button>
      )}
    </div>
  )
}
