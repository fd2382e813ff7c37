import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'

import {
  TEMPLATE_PAGE_SIZE,
  templatesQueryOptions,
  useDeleteTemplate,
  type Template,
} from '@/api/templates'
import { ConfirmDialog } from '@/components/confirm-dialog'
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  LayoutTemplateIcon,
  PlusIcon,
  SearchIcon,
  SearchXIcon,
  TrashIcon,
} from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { StateMessage } from '@/components/state-message'
import { TableCard } from '@/components/table-card'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { TableCell, TableHead, TableRow } from '@/components/ui/table'
import { formatTimestamp } from '@/lib/format'
import { toast } from '@/lib/toast'

import { SaveTemplateDialog } from './save-template-dialog'
import { VariableList } from './variable-text'

const routeApi = getRouteApi('/templates/')

const DESCRIPTION =
  'Agent designs saved in numbered versions. Agents made from a template fill in its {{memory variables}}.'

export function TemplatesPageSkeleton() {
  return (
    <>
      <PageHeader title="Templates" description={DESCRIPTION} />
      <div className="grid gap-2" aria-busy="true" aria-label="Loading templates">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-10 w-full" />
        ))}
      </div>
    </>
  )
}

export function TemplatesPage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const { data } = useSuspenseQuery(
    templatesQueryOptions({ search: search.q, offset: search.offset }),
  )
  const [text, setText] = useState(search.q)
  const [seen, setSeen] = useState(search.q)
  // The box follows the URL when it changes elsewhere (back button, a link).
  if (search.q !== seen) {
    setSeen(search.q)
    setText(search.q)
  }
  const saveButton = (
    <SaveTemplateDialog>
      <Button>
        <Icon node={PlusIcon} />
        Save agent as template
      </Button>
    </SaveTemplateDialog>
  )
  const empty = data.templates.length === 0 && search.offset === 0

  return (
    <>
      <PageHeader title="Templates" description={DESCRIPTION} actions={saveButton} />
      <form
        role="search"
        className="mb-4 flex max-w-md gap-2"
        onSubmit={(event) => {
          event.preventDefault()
          void navigate({ search: { q: text.trim(), offset: 0 } })
        }}
      >
        <Input
          type="search"
          aria-label="Search templates by name"
          placeholder="Search by name"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={255}
        />
        <Button type="submit" variant="outline">
          <Icon node={SearchIcon} />
          Search
        </Button>
      </form>
      {empty && !search.q ? (
        <StateMessage icon={LayoutTemplateIcon} title="No templates yet" className="px-6 py-16">
          <p className="max-w-md text-sm text-muted-foreground">
            Save an agent as a template to reuse its design. Write {'{{customer}}'} in one of its
            memory blocks, and each agent made from the template asks for a value.
          </p>
        </StateMessage>
      ) : empty ? (
        <StateMessage icon={SearchXIcon} title="No template matches" className="px-6 py-16">
          <Button variant="outline" onClick={() => void navigate({ search: { q: '', offset: 0 } })}>
            Clear the search
          </Button>
        </StateMessage>
      ) : (
        <>
          <TemplatesTable templates={data.templates} />
          <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={search.offset === 0}
              onClick={() =>
                void navigate({
                  search: (prev) => ({
                    ...prev,
                    offset: Math.max(0, prev.offset - TEMPLATE_PAGE_SIZE),
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
              disabled={!data.has_next_page}
              onClick={() =>
                void navigate({
                  search: (prev) => ({ ...prev, offset: prev.offset + TEMPLATE_PAGE_SIZE }),
                })
              }
            >
              Next
              <Icon node={ChevronRightIcon} />
            </Button>
          </nav>
        </>
      )}
    </>
  )
}

function TemplatesTable({ templates }: { templates: Template[] }) {
  return (
    <TableCard
      head={
        <>
          <TableHead className="pl-4">Name</TableHead>
          <TableHead className="text-right">Latest version</TableHead>
          <TableHead>Saved from</TableHead>
          <TableHead>Variables</TableHead>
          <TableHead className="text-right">Agents</TableHead>
          <TableHead>Updated</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">Actions</span>
          </TableHead>
        </>
      }
    >
      {templates.map((template) => (
        <TableRow key={template.id}>
          <TableCell className="pl-4 font-medium">
            <Link
              to="/templates/$templateName"
              params={{ templateName: template.name }}
              className="underline-offset-4 hover:underline focus-visible:underline"
            >
              {template.name}
            </Link>
          </TableCell>
          <TableCell className="text-right tabular-nums">{template.latest_version}</TableCell>
          <TableCell className="text-muted-foreground">
            {template.source_agent_name ?? '—'}
          </TableCell>
          <TableCell>
            <VariableList names={template.variables} />
          </TableCell>
          <TableCell className="text-right tabular-nums">{template.agent_count}</TableCell>
          <TableCell className="text-muted-foreground">
            {formatTimestamp(template.updated_at, 'short')}
          </TableCell>
          <TableCell className="pr-4">
            <DeleteTemplateButton template={template} />
          </TableCell>
        </TableRow>
      ))}
    </TableCard>
  )
}

export function DeleteTemplateButton({
  template,
  onDeleted,
  children,
}: {
  template: Template
  onDeleted?: () => void
  children?: React.ReactNode
}) {
  const remove = useDeleteTemplate()
  return (
    <ConfirmDialog
      trigger={
        children ?? (
          <Button variant="ghost" size="icon-sm" aria-label={`Delete ${template.name}`}>
            <Icon node={TrashIcon} />
          </Button>
        )
      }
      title={`Delete template ${template.name}?`}
      description={`All ${plural(Number(template.latest_version), 'version')} go. Its agents (${template.agent_count}) stay, with their memory and memory variables.`}
      confirmLabel="Delete template"
      onConfirm={async () => {
        await remove.mutateAsync(template.name)
        toast.success(`Deleted template ${template.name}`)
        onDeleted?.()
      }}
    />
  )
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
