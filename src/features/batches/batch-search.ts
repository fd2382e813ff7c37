import { nonEmptyText, oneOf, searchValidator, withoutUndefined } from '@/lib/search-params'

/** A batch page's URL: the message order and page cursor. */
export interface BatchSearch {
  order: 'asc' | 'desc'
  /** The last message id of the previous page. */
  cursor?: string | undefined
}

/** Reads a batch page's URL; a bad value falls back to the first page, oldest first. */
export const parseBatchSearch = searchValidator((search): BatchSearch =>
  withoutUndefined({
    order: oneOf(search.order, ['asc', 'desc'], 'asc'),
    cursor: nonEmptyText(search.cursor, 100),
  }),
)
