import { createFileRoute } from '@tanstack/react-router'

import {
  sourceFilesQueryOptions,
  sourcePassagesQueryOptions,
  sourceQueryOptions,
  uploadPolicyQueryOptions,
} from '@/api/sources'
import { RouteErrorView } from '@/components/error-view'
import { passageParams } from '@/features/sources/passage-params'
import { SourceDetailPage, SourceDetailSkeleton } from '@/features/sources/source-detail-page'
import { nonEmptyText, oneOf, searchValidator, textOr, withoutUndefined } from '@/lib/search-params'

/** A missing or bad value falls back to the files tab, unfiltered. */
const parseSourceSearch = searchValidator((search) =>
  withoutUndefined({
    tab: oneOf(search.tab, ['files', 'passages'] as const, 'files'),
    /** The passages' text filter, or the query they are ranked by. */
    q: textOr(search.q, ''),
    /** Match the text, or rank by meaning (similarity of embeddings). */
    mode: oneOf(search.mode, ['text', 'meaning'] as const, undefined),
    /** The passages' file filter: a file id. */
    file: nonEmptyText(search.file),
    /** Passage page cursors: ids of the passages the page follows or precedes. */
    after: nonEmptyText(search.after),
    before: nonEmptyText(search.before),
  }),
)

export const Route = createFileRoute('/sources/$sourceId')({
  validateSearch: parseSourceSearch,
  loaderDeps: ({ search }) => ({
    tab: search.tab,
    q: search.q,
    mode: search.mode,
    file: search.file,
    after: search.after,
    before: search.before,
  }),
  loader: async ({ context: { queryClient }, params: { sourceId }, deps }) => {
    if (deps.tab === 'passages' && deps.mode !== 'meaning') {
      // Started, not awaited: the panel shows its own loading state while the filter changes.
      void queryClient.prefetchQuery(sourcePassagesQueryOptions(sourceId, passageParams(deps)))
    }
    await Promise.all([
      queryClient.ensureQueryData(sourceQueryOptions(sourceId)),
      queryClient.ensureQueryData(sourceFilesQueryOptions(sourceId)),
      queryClient.ensureQueryData(uploadPolicyQueryOptions()),
    ])
  },
  component: SourceDetailPage,
  pendingComponent: SourceDetailSkeleton,
  errorComponent: RouteErrorView,
})
