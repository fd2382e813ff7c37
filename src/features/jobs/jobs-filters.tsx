import { XIcon } from 'lucide-react'

import { JOB_STATUSES, JOB_TYPES } from '@/api/jobs'
import { Button } from '@/components/ui/button'
import { Label } from '@/components/ui/label'
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select'
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
      <Select
        value={search.status ?? ALL}
        onValueChange={(value) =>
          onChange({ status: value === ALL ? undefined : (value as JobsSearch['status']) })
        }
      >
        <SelectTrigger aria-label="Status" className="w-40">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All statuses</SelectItem>
          {JOB_STATUSES.map((status) => (
            <SelectItem key={status} value={status}>
              {status}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={search.type ?? ALL}
        onValueChange={(value) =>
          onChange({ type: value === ALL ? undefined : (value as JobsSearch['type']) })
        }
      >
        <SelectTrigger aria-label="Type" className="w-32">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All types</SelectItem>
          {JOB_TYPES.map((type) => (
            <SelectItem key={type} value={type}>
              {JOB_TYPE_LABELS[type] ?? type}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={search.source ?? ALL}
        onValueChange={(value) => onChange({ source: value === ALL ? undefined : value })}
      >
        <SelectTrigger aria-label="Source" className="w-52 max-w-full">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All sources</SelectItem>
          {sources.map(([id, name]) => (
            <SelectItem key={id} value={id}>
              <span className="truncate">{name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
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
          <XIcon />
          Clear filters
        </Button>
      )}
    </div>
  )
}
