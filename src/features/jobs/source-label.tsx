import { Link } from '@tanstack/react-router'

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
      className="font-medium underline-offset-4 hover:underline focus-visible:underline"
      title={sourceId}
    >
      {name}
    </Link>
  )
}
