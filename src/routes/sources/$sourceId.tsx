import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'

import {
  sourceFilesQueryOptions,
  sourcePassagesQueryOptions,
  sourceQueryOptions,
  uploadPolicyQueryOptions,
} from '@/api/sources'
import { RouteErrorView } from '@/components/error-view'
import { passageParams } from '@/features/sources/passage-params'
import { SourceDetailPage, SourceDetailSkeleton } from '@/features/sources/source-detail-page'

const searchSchema = z.object({
  tab: z.enum(['files', 'passages']).default('files').catch('files'),
  /** The passages' text filter, or the query they are ranked by. */
  q: z.string().default('').catch(''),
  /** Match the text, or rank by meaning (similarity of embeddings). */
  mode: z.enum(['text', 'meaning']).optional().catch(undefined),
  /** The passages' file filter: a file id. */
  file: z.string().min(1).optional().catch(undefined),
  /** Passage page cursors: ids of the passages the page follows or precedes. */
  after: z.string().min(1).optional().catch(undefined),
  before: z.string().min(1).optional().catch(undefined),
})

export const Route = createFileRoute('/sources/$sourceId')({
  validateSearch: searchSchema,
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
