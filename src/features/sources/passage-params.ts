import { PASSAGE_PAGE_SIZE, type PassagePageParams } from '@/api/sources'

/** The passages tab's part of the page's search params. */
export interface PassageSearch {
  q: string
  file?: string | undefined
  after?: string | undefined
  before?: string | undefined
}

/** The one mapping from the URL to a page request, shared by the loader and the panel so they share a cache entry. */
export function passageParams(search: PassageSearch): PassagePageParams {
  return {
    search: search.q.trim() || undefined,
    fileId: search.file,
    after: search.after,
    before: search.before,
    limit: PASSAGE_PAGE_SIZE,
  }
}
