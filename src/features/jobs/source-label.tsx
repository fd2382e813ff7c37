import { Link } from '@tanstack/react-router'

import { cn } from '@/lib/utils'

/** A job's source: a link to it by name while it exists, else its id as plain text. */
export function SourceLabel({
  sourceId,
  names,
  loaded,
}: {
  sourceId: string | undefined
  names: ReadonlyMap<string, string>
  loaded: boolean
}) {
  if (!sourceId) return <span className="text-muted-foreground">—</span>
  const name = names.get(sourceId)
  if (name === undefined) {
    return (
      <span className="font-mono text-xs text-muted-foreground" title={sourceId}>
        {sourceId}
        {loaded && <span className="ml-1 font-sans">(deleted)</span>}
      </span>
    )
  }
  return (
    <Link
      to="/sources/$sourceId"
      params={{ sourceId }}
      className="inline-block leading-6 font-medium underline-offset-4 hover:underline focus-visible:underline"
      title={sourceId}
    >
      {name}
    </Link>
  )
}

/** A job's file: a link to its passages when its source still exists, plain text otherwise. */
export function FileLabel({
  sourceId,
  fileId,
  fileName,
  names,
  className,
}: {
  sourceId: string | undefined
  fileId: string | undefined
  fileName: string | undefined
  names: ReadonlyMap<string, string>
  className?: string
}) {
  const label = fileName ?? fileId
  if (!label) return <span className="text-muted-foreground">—</span>
  if (!sourceId || !fileId || !names.has(sourceId)) {
    return (
      <span className={className} title={fileId}>
        {label}
      </span>
    )
  }
  return (
    <Link
      to="/sources/$sourceId"
      params={{ sourceId }}
      search={{ tab: 'passages', file: fileId }}
      className={cn(
        'block leading-6 underline-offset-4 hover:underline focus-visible:underline',
        className,
      )}
      title={`${fileId}: its passages`}
    >
      {label}
    </Link>
  )
}
