import { useEffect, useRef, useState } from 'react'

import type { ToolType } from '@/api/tools'
import { SearchIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import { Switch } from '@/components/ui/switch'

import { TOOL_TYPES, toolTypeLabel } from './tool-types'

export interface ToolsFilters {
  search: string
  type: 'all' | ToolType
  builtin: boolean
}

/** Typing is sent to the URL after this pause, not on every key. */
const SEARCH_DELAY_MS = 250

export function ToolsToolbar({
  filters,
  onChange,
}: {
  filters: ToolsFilters
  onChange: (next: Partial<ToolsFilters>) => void
}) {
  const [draft, setDraft] = useState(filters.search)
  const [typing, setTyping] = useState(false)
  const [shownSearch, setShownSearch] = useState(filters.search)
  // The URL changed by itself (back button, Clear filters): show its search unless one is typed.
  if (filters.search !== shownSearch) {
    setShownSearch(filters.search)
    if (!typing) setDraft(filters.search)
  }

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const onSearchChange = (value: string) => {
    setDraft(value)
    setTyping(true)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setTyping(false)
      onChange({ search: value.trim() })
    }, SEARCH_DELAY_MS)
  }

  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <div className="relative w-full max-w-xs">
        <Icon
          node={SearchIcon}
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          type="search"
          aria-label="Search tools"
          placeholder="Search name, description, tags…"
          className="pl-8"
          value={draft}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      <NativeSelect
        aria-label="Tool type"
        className="w-48"
        value={filters.type}
        onChange={(event) => onChange({ type: event.target.value as ToolsFilters['type'] })}
      >
        <option value="all">All types</option>
        {TOOL_TYPES.map((type) => (
          <option key={type} value={type}>
            {toolTypeLabel(type)}
          </option>
        ))}
      </NativeSelect>
      <div className="flex items-center gap-2">
        <Switch
          id="tools-include-built-in"
          checked={filters.builtin}
          onCheckedChange={(builtin) => onChange({ builtin })}
        />
        <Label htmlFor="tools-include-built-in">Include built-in</Label>
      </div>
    </div>
  )
}
