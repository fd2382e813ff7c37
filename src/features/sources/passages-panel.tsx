import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useCallback } from 'react'

import {
  PASSAGE_SEARCH_LIMIT,
  passageSearchQueryOptions,
  sourcePassagesQueryOptions,
  type Passage,
  type SourceFile,
} from '@/api/sources'
import { DebouncedSearchInput } from '@/components/debounced-search-input'
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  FileTextIcon,
  LoaderCircleIcon,
} from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { NativeSelect } from '@/components/ui/native-select'
import { Skeleton } from '@/components/ui/skeleton'

import { fileDisplayName, plural } from './format'
import { highlightParts } from './highlight'
import { passageLocation } from './passage-location'
import { passageParams } from './passage-params'
import { VectorStrip } from './vector-strip'

const routeApi = getRouteApi('/sources/$sourceId')
const ALL_FILES = 'all'

function PassageText({ text, query }: { text: string; query: string }) {
  return (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
      {highlightParts(text, query).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-warning/40 px-0.5 text-foreground">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  )
}

function PassageItem({
  passage,
  query,
  fileNames,
  score,
}: {
  passage: Passage
  query: string
  fileNames: Map<string, string>
  /** Its similarity to the query, in a search by meaning. */
  score?: number | undefined
}) {
  const name = passage.file_name ?? fileNames.get(passage.file_id)
  const location = passageLocation(passage.metadata)
  return (
    <li data-testid="passage" className="grid gap-3 px-4 py-3">
      <div className="flex min-w-0 flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs">
        <span className="flex min-w-0 items-center gap-1.5 font-medium">
          <Icon
            node={FileTextIcon}
            className="size-3.5 shrink-0 text-muted-foreground"
            aria-hidden
          />
          <span className="truncate" data-testid="passage-file">
            {name ?? 'Unknown file'}
          </span>
          {location && (
            <span
              className="shrink-0 font-normal text-muted-foreground"
              data-testid="passage-location"
            >
              · {location}
            </span>
          )}
        </span>
        <span className="flex min-w-0 items-center gap-3">
          {score !== undefined && (
            <span className="shrink-0 font-medium tabular-nums" data-testid="passage-score">
              Similarity {score.toFixed(3)}
            </span>
          )}
          <code className="truncate font-mono text-muted-foreground">{passage.id}</code>
        </span>
      </div>
      <PassageText text={passage.text} query={query} />
      {passage.embedding ? (
        <VectorStrip
          values={passage.embedding}
          dimension={passage.embedding_config?.embedding_dim}
        />
      ) : (
        <p className="text-xs text-muted-foreground">The server sent no embedding.</p>
      )}
    </li>
  )
}

/** The source's passages, a page at a time, narrowed by text and by file; all of it in the URL. */
export function PassagesPanel({
  sourceId,
  files,
  processing,
}: {
  sourceId: string
  files: SourceFile[]
  processing: boolean
}) {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const params = passageParams(search)
  const byMeaning = search.mode === 'meaning'
  const page = useQuery({
    ...sourcePassagesQueryOptions(sourceId, params),
    placeholderData: keepPreviousData,
    enabled: !byMeaning,
  })
  const fileNames = new Map(files.map((file) => [file.id, fileDisplayName(file)]))

  const setFilter = useCallback(
    (q: string) =>
      void navigate({
        search: (prev) => ({ ...prev, q: q || undefined, after: undefined, before: undefined }),
        replace: true,
      }),
    [navigate],
  )

  const filtered = Boolean(params.search || params.fileId)
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-full max-w-sm">
          <DebouncedSearchInput
            value={search.q}
            onCommit={setFilter}
            placeholder={byMeaning ? 'Describe what to find' : 'Filter passages by text'}
            aria-label={byMeaning ? 'Search passages by meaning' : 'Filter passages by text'}
          />
        </div>
        <NativeSelect
          className="w-48"
          aria-label="Search mode"
          value={byMeaning ? 'meaning' : 'text'}
          onChange={(event) => {
            const value = event.target.value
            void navigate({
              search: (prev) => ({
                ...prev,
                mode: value === 'meaning' ? ('meaning' as const) : undefined,
                after: undefined,
                before: undefined,
              }),
              replace: true,
            })
          }}
        >
          <option value="text">Contains the text</option>
          <option value="meaning">Search by meaning</option>
        </NativeSelect>
        <NativeSelect
          className="w-56"
          aria-label="Filter passages by file"
          value={search.file ?? ALL_FILES}
          onChange={(event) => {
            const value = event.target.value
            void navigate({
              search: (prev) => ({
                ...prev,
                file: value === ALL_FILES ? undefined : value,
                after: undefined,
                before: undefined,
              }),
            })
          }}
        >
          <option value={ALL_FILES}>All files</option>
          {files.map((file) => (
            <option key={file.id} value={file.id}>
              {fileDisplayName(file)}
            </option>
          ))}
        </NativeSelect>
        {!byMeaning && page.isFetching && !page.isPending && (
          <Icon
            node={LoaderCircleIcon}
            className="size-4 animate-spin text-muted-foreground"
            aria-label="Refreshing passages"
          />
        )}
      </div>

      {byMeaning ? (
        <MeaningResults
          sourceId={sourceId}
          query={params.search ?? ''}
          fileId={params.fileId}
          fileNames={fileNames}
        />
      ) : page.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading passages">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} className="h-24 w-full" />
          ))}
        </div>
      ) : page.isError ? (
        <div role="alert" className="grid justify-items-start gap-2 rounded-lg border p-4 text-sm">
          <p className="text-destructive">Could not load passages: {page.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => void page.refetch()}>
            Try again
          </Button>
        </div>
      ) : page.data.passages.length === 0 ? (
        <div className="rounded-lg border border-dashed px-6 py-12 text-center text-sm text-muted-foreground">
          {filtered
            ? params.search
              ? `No passage contains “${params.search}”${params.fileId ? ' in this file' : ''}.`
              : 'This file has no passages yet.'
            : processing
              ? 'Passages appear here as files are embedded.'
              : 'No passages yet. Upload files on the Files tab and they are split into passages here.'}
        </div>
      ) : (
        <ul aria-label="Passages" className="divide-y rounded-lg border bg-card">
          {page.data.passages.map((passage) => (
            <PassageItem
              key={passage.id}
              passage={passage}
              query={params.search ?? ''}
              fileNames={fileNames}
            />
          ))}
        </ul>
      )}

      {!byMeaning && page.data && (page.data.hasPrevious || page.data.hasNext) && (
        <nav aria-label="Passage pages" className="flex items-center justify-end gap-2">
          <Button
            variant="outline"
            size="sm"
            disabled={!page.data.hasPrevious}
            onClick={() =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  after: undefined,
                  before: page.data.passages[0]?.id,
                }),
              })
            }
          >
            <Icon node={ChevronLeftIcon} />
            Previous
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!page.data.hasNext}
            onClick={() =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  before: undefined,
                  after: page.data.passages.at(-1)?.id,
                }),
              })
            }
          >
            Next
            <Icon node={ChevronRightIcon} />
          </Button>
        </nav>
      )}
    </div>
  )
}

/** A search by meaning: the source's passages most like the query, each with its score. */
function MeaningResults({
  sourceId,
  query,
  fileId,
  fileNames,
}: {
  sourceId: string
  query: string
  fileId: string | undefined
  fileNames: Map<string, string>
}) {
  const results = useQuery({
    ...passageSearchQueryOptions(sourceId, query),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  })
  if (query === '') {
    return (
      <p className="rounded-lg border border-dashed px-6 py-12 text-center text-sm text-muted-foreground">
        Type what you are looking for: passages are ranked by how close their meaning is, with the
        source&rsquo;s own embedding model.
      </p>
    )
  }
  if (results.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Ranking passages">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} className="h-24 w-full" />
        ))}
      </div>
    )
  }
  if (results.isError) {
    return (
      <div role="alert" className="grid justify-items-start gap-2 rounded-lg border p-4 text-sm">
        <p className="text-destructive">Could not search by meaning: {results.error.message}</p>
        <Button variant="outline" size="sm" onClick={() => void results.refetch()}>
          Try again
        </Button>
      </div>
    )
  }
  const shown = fileId
    ? results.data.filter((result) => result.passage.file_id === fileId)
    : results.data
  return (
    <div className="grid gap-2">
      <p role="status" className="text-sm text-muted-foreground" data-testid="passage-count">
        {shown.length === 0
          ? 'No passages to rank.'
          : `${plural(shown.length, 'passage')}, most similar to “${query}” first${
              results.data.length === PASSAGE_SEARCH_LIMIT
                ? ` (the top ${PASSAGE_SEARCH_LIMIT})`
                : ''
            }.`}
      </p>
      {shown.length > 0 && (
        <ul aria-label="Passages" className="divide-y rounded-lg border bg-card">
          {shown.map((result) => (
            <PassageItem
              key={result.passage.id}
              passage={result.passage}
              query=""
              fileNames={fileNames}
              score={result.score}
            />
          ))}
        </ul>
      )}
    </div>
  )
}
