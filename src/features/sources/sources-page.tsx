import { useSuspenseQuery } from '@tanstack/react-query'

import { sourcesQueryOptions } from '@/api/sources'
import { DatabaseIcon, PlusIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'

import { CreateSourceDialog } from './create-source-dialog'
import { SourcesTable } from './sources-table'

const description =
  'Collections of documents agents can search. Each uploaded file is split into passages and embedded.'

export function SourcesPage() {
  const { data: sources } = useSuspenseQuery(sourcesQueryOptions())
  const createButton = (
    <CreateSourceDialog openOn="new-source">
      <Button>
        <Icon node={PlusIcon} />
        New source
      </Button>
    </CreateSourceDialog>
  )
  return (
    <>
      <PageHeader title="Sources" description={description} actions={createButton} />
      {sources.length === 0 ? (
        <StateMessage icon={DatabaseIcon} title="No sources yet" className="px-6 py-16">
          <p className="max-w-md text-sm text-muted-foreground">
            Create a source, then drop PDFs, Markdown, text or code files on it to make them
            searchable by your agents.
          </p>
          <CreateSourceDialog>
            <Button variant="outline">
              <Icon node={PlusIcon} />
              Create a source
            </Button>
          </CreateSourceDialog>
        </StateMessage>
      ) : (
        <SourcesTable sources={sources} />
      )}
    </>
  )
}

export function SourcesPageSkeleton() {
  return (
    <>
      <PageHeader title="Sources" description={description} />
      <div className="grid gap-2" aria-busy="true" aria-label="Loading sources">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-10 w-full" />
        ))}
      </div>
    </>
  )
}
