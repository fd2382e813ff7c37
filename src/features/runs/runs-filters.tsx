import { XIcon } from 'lucide-react'

import { RUN_STATUSES, STOP_REASONS } from '@/api/runs'
import { Button } from '@/components/ui/button'
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select'

import { hasRunFilters, type RunsSearch } from './runs-search'

const ALL = 'all'

type FilterPatch = Partial<Pick<RunsSearch, 'status' | 'agent' | 'stop'>>

export function RunsFilters({
  search,
  agentNames,
  onChange,
}: {
  search: RunsSearch
  agentNames: ReadonlyMap<string, string>
  onChange: (patch: FilterPatch) => void
}) {
  const agents = [...agentNames].sort(([, a], [, b]) => a.localeCompare(b))
  // An agent from the URL that the list does not have (deleted, or not loaded yet) stays choosable.
  if (search.agent && !agentNames.has(search.agent)) agents.unshift([search.agent, search.agent])

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <Select
        value={search.status ?? ALL}
        onValueChange={(value) =>
          onChange({ status: value === ALL ? undefined : (value as RunsSearch['status']) })
        }
      >
        <SelectTrigger aria-label="Status" className="w-40">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All statuses</SelectItem>
          {RUN_STATUSES.map((status) => (
            <SelectItem key={status} value={status}>
              {status}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={search.agent ?? ALL}
        onValueChange={(value) => onChange({ agent: value === ALL ? undefined : value })}
      >
        <SelectTrigger aria-label="Agent" className="w-52 max-w-full">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All agents</SelectItem>
          {agents.map(([id, name]) => (
            <SelectItem key={id} value={id}>
              <span className="truncate">{name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={search.stop ?? ALL}
        onValueChange={(value) =>
          onChange({ stop: value === ALL ? undefined : (value as RunsSearch['stop']) })
        }
      >
        <SelectTrigger aria-label="Stop reason" className="w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All stop reasons</SelectItem>
          {STOP_REASONS.map((reason) => (
            <SelectItem key={reason} value={reason}>
              {reason}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {hasRunFilters(search) && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onChange({ status: undefined, agent: undefined, stop: undefined })}
        >
          <XIcon />
          Clear filters
        </Button>
      )}
    </div>
  )
}
