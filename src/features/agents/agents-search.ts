import { searchValidator, textOr } from '@/lib/search-params'

/** The /agents page's URL: the text search. */
export interface AgentsSearch {
  q: string
}

/** Reads the /agents page's URL; a bad value falls back to no search. */
export const parseAgentsSearch = searchValidator((search): AgentsSearch => ({
  q: textOr(search.q, '', 255),
}))
