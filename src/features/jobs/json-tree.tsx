import { useState } from 'react'

import { ChevronRightIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

type Json = unknown

/** A JSON value as a tree whose objects and arrays open and close; nested levels start closed. */
export function JsonTree({
  value,
  openDepth = 1,
  label = 'JSON',
  className,
}: {
  value: Json
  /** Levels open at first: 1 shows the top-level keys. */
  openDepth?: number
  label?: string
  className?: string
}) {
  return (
    <div
      role="tree"
      aria-label={label}
      className={cn('font-mono text-xs leading-relaxed', className)}
    >
      <JsonNode name={undefined} value={value} depth={0} openDepth={openDepth} />
    </div>
  )
}

function isContainer(value: Json): value is Record<string, Json> | Json[] {
  return typeof value === 'object' && value !== null
}

function JsonNode({
  name,
  value,
  depth,
  openDepth,
}: {
  name: string | undefined
  value: Json
  depth: number
  openDepth: number
}) {
  const [open, setOpen] = useState(depth < openDepth)
  const key = name !== undefined && <span className="text-muted-foreground">{name}: </span>

  if (!isContainer(value)) {
    return (
      <div role="treeitem" aria-selected={false} className="pl-5 break-all">
        {key}
        <JsonScalar value={value} />
      </div>
    )
  }

  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value)
  const [opening, closing] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  const summary = Array.isArray(value)
    ? `${entries.length} ${entries.length === 1 ? 'item' : 'items'}`
    : `${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`

  if (entries.length === 0) {
    return (
      <div role="treeitem" aria-selected={false} className="pl-5">
        {key}
        <span className="text-muted-foreground">
          {opening}
          {closing}
        </span>
      </div>
    )
  }

  return (
    <div role="treeitem" aria-expanded={open} aria-selected={false}>
      <button
        type="button"
        className="flex items-center gap-1 rounded-sm text-left hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        onClick={() => setOpen((current) => !current)}
        aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'value'}`}
      >
        <Icon
          node={ChevronRightIcon}
          aria-hidden
          className={cn('size-4 shrink-0 transition-transform', open && 'rotate-90')}
        />
        <span>
          {key}
          <span className="text-muted-foreground">
            {opening}
            {!open && ` ${summary} ${closing}`}
          </span>
        </span>
      </button>
      {open && (
        <div role="group" className="ml-2 border-l pl-2">
          {entries.map(([childName, child]) => (
            <JsonNode
              key={childName}
              name={childName}
              value={child}
              depth={depth + 1}
              openDepth={openDepth}
            />
          ))}
          <span className="pl-3 text-muted-foreground">{closing}</span>
        </div>
      )}
    </div>
  )
}

function JsonScalar({ value }: { value: Json }) {
  if (typeof value === 'string') {
    return <span className="text-success">&quot;{value}&quot;</span>
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return <span className="text-orange-800 dark:text-orange-300">{String(value)}</span>
  }
  if (typeof value === 'boolean') {
    return <span className="text-sky-800 dark:text-sky-300">{String(value)}</span>
  }
  return <span className="text-muted-foreground italic">null</span>
}
