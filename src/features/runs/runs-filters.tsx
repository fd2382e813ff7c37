import { RUN_STATUSES, STOP_REASONS } from '@/api/runs'
import { XIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { NativeSelect } from '@/components/ui/native-select'

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
      <NativeSelect
        aria-label="Status"
        className="w-40"
        value={search.status ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ status: value === ALL ? undefined : (value as RunsSearch['status']) })
        }}
      >
        <option value={ALL}>All statuses</option>
        {RUN_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Agent"
        className="w-52 max-w-full"
        value={search.agent ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ agent: value === ALL ? undefined : value })
        }}
      >
        <option value={ALL}>All agents</option>
        {agents.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Stop reason"
        className="w-56"
        value={search.stop ?? ALL}
        onChange={(event) => {
          const value = event.target.value
          onChange({ stop: value === ALL ? undefined : (value as RunsSearch['stop']) })
        }}
      >
        <option value={ALL}>All stop reasons</option>
        {STOP_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {reason}
          </option>
        ))}
      </NativeSelect>
      {hasRunFilters(search) && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onChange({ status: undefined, agent: undefined, stop: undefined })}
        >
          <Icon node={XIcon} />
          Clear filters
        </Button>
      )}
    </div>
  )
}
