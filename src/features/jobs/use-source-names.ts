import { useQuery } from '@tanstack/react-query'

import { sourcesQueryOptions } from '@/api/sources'

/** Source names by id, to label jobs; empty while loading or when the server cannot list sources. */
export function useSourceNames(): { names: ReadonlyMap<string, string>; loaded: boolean } {
  const sources = useQuery({ ...sourcesQueryOptions(), retry: false })
  const names = new Map((sources.data ?? []).map((source) => [source.id, source.name] as const))
  return { names, loaded: sources.isSuccess }
}
