import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'

import {
  templateQueryOptions,
  templateSnapshotQueryOptions,
  templateVersionsQueryOptions,
  type TemplateVersion,
} from '@/api/templates'
import { BotIcon, GitCompareIcon, SaveIcon, TrashIcon } from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { LoadErrorMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { formatTimestamp } from '@/lib/format'

import { CreateAgentDialog } from './create-agent-dialog'
import { SaveVersionDialog } from './save-version-dialog'
import { TemplateAgents } from './template-agents'
import { DeleteTemplateButton } from './templates-page'
import { VariableList } from './variable-text'
import { VersionDiff } from './version-diff'
import { VersionSnapshot } from './version-snapshot'

const routeApi = getRouteApi('/templates/$templateName')

export function TemplatePageSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading template">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-40 w-full" />
    </div>
  )
}

export function TemplatePage() {
  const { templateName } = routeApi.useParams()
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const { data: template } = useSuspenseQuery(templateQueryOptions(templateName))
  const {
    data: { versions },
  } = useSuspenseQuery(templateVersionsQueryOptions(templateName))
  const shown = search.version ?? template.latest_version

  return (
    <>
      <PageHeader
        title={template.name}
        description={
          <>
            Latest version {template.latest_version}
            {template.source_agent_name ? ` · saved from ${template.source_agent_name}` : ''} ·
            updated {formatTimestamp(template.updated_at, 'short')}
          </>
        }
        actions={
          <>
            <CreateAgentDialog
              templateName={template.name}
              versions={versions}
              initialVersion={shown}
              onCreated={(agentId) =>
                void navigate({ to: '/agents/$agentId', params: { agentId } })
              }
            >
              <Button>
                <Icon node={BotIcon} />
                Create agent from template
              </Button>
            </CreateAgentDialog>
            <SaveVersionDialog
              templateId={template.id}
              onSaved={(version) =>
                void navigate({ search: (prev) => ({ ...prev, tab: 'versions', version }) })
              }
            >
              <Button variant="outline">
                <Icon node={SaveIcon} />
                Save new version
              </Button>
            </SaveVersionDialog>
            <DeleteTemplateButton
              template={template}
              onDeleted={() => void navigate({ to: '/templates', search: { q: '', offset: 0 } })}
            >
              <Button variant="outline">
                <Icon node={TrashIcon} />
                Delete
              </Button>
            </DeleteTemplateButton>
          </>
        }
      />
      <Tabs
        value={search.tab}
        onValueChange={(tab) =>
          void navigate({
            search: (prev) => ({
              ...prev,
              tab: tab === 'versions' ? 'versions' : tab === 'agents' ? 'agents' : 'memory',
            }),
          })
        }
      >
        <TabsList>
          <TabsTrigger value="memory">Memory</TabsTrigger>
          <TabsTrigger value="versions">Versions ({versions.length})</TabsTrigger>
          <TabsTrigger value="agents">Agents ({template.agent_count})</TabsTrigger>
        </TabsList>
        <TabsContent value="memory" className="mt-4 grid gap-4">
          <VersionPicker
            label="Version shown"
            versions={versions}
            value={shown}
            onChange={(version) => void navigate({ search: (prev) => ({ ...prev, version }) })}
          />
          <SnapshotPanel templateName={template.name} version={shown} />
        </TabsContent>
        <TabsContent value="versions" className="mt-4 grid gap-6">
          <VersionHistory
            versions={versions}
            onShow={(version) =>
              void navigate({ search: (prev) => ({ ...prev, tab: 'memory', version }) })
            }
          />
          <DiffPanel templateName={template.name} versions={versions} />
        </TabsContent>
        <TabsContent value="agents" className="mt-4">
          <TemplateAgents templateId={template.id} />
        </TabsContent>
      </Tabs>
    </>
  )
}

function VersionPicker({
  label,
  versions,
  value,
  onChange,
}: {
  label: string
  versions: TemplateVersion[]
  value: string
  onChange: (version: string) => void
}) {
  const id = `version-${label.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        className="min-w-40"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {versions.map((item) => (
          <option key={item.version} value={item.version}>
            {`Version ${item.version}${item.is_latest ? ' (latest)' : ''}`}
          </option>
        ))}
      </NativeSelect>
    </div>
  )
}

function SnapshotPanel({ templateName, version }: { templateName: string; version: string }) {
  const snapshot = useQuery(templateSnapshotQueryOptions(templateName, version))
  if (snapshot.isPending) return <Skeleton className="h-48 w-full" aria-label="Loading version" />
  if (snapshot.isError) {
    return (
      <LoadErrorMessage
        title={`Could not load version ${version}`}
        error={snapshot.error}
        onRetry={() => void snapshot.refetch()}
      />
    )
  }
  return <VersionSnapshot snapshot={snapshot.data} />
}

function VersionHistory({
  versions,
  onShow,
}: {
  versions: TemplateVersion[]
  onShow: (version: string) => void
}) {
  return (
    <section aria-labelledby="history-heading" className="grid gap-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        Version history
      </h2>
      <ol className="grid gap-2">
        {versions.map((item) => (
          <li key={item.version}>
            <Card className="py-3">
              <CardContent className="flex flex-wrap items-center justify-between gap-3">
                <div className="grid gap-1">
                  <p className="font-medium">
                    Version {item.version}
                    {item.is_latest ? ' (latest)' : ''}
                  </p>
                  <p className="text-sm">
                    {item.message ?? <span className="text-muted-foreground">No message</span>}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {formatTimestamp(item.created_at, 'medium')}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <VariableList names={item.variables} />
                  <Button variant="outline" size="sm" onClick={() => onShow(item.version)}>
                    Show version {item.version}
                  </Button>
                </div>
              </CardContent>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  )
}

function DiffPanel({
  templateName,
  versions,
}: {
  templateName: string
  versions: TemplateVersion[]
}) {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const newest = versions[0]?.version ?? '1'
  const from = search.from ?? versions[1]?.version ?? newest
  const to = search.to ?? newest
  const before = useQuery(templateSnapshotQueryOptions(templateName, from))
  const after = useQuery(templateSnapshotQueryOptions(templateName, to))
  const failed = before.error ?? after.error
  return (
    <section aria-labelledby="diff-heading" className="grid gap-3">
      <h2 id="diff-heading" className="flex items-center gap-2 text-lg font-semibold">
        <Icon node={GitCompareIcon} className="size-5" aria-hidden />
        Compare versions
      </h2>
      <div className="flex flex-wrap gap-4">
        <VersionPicker
          label="From"
          versions={versions}
          value={from}
          onChange={(version) => void navigate({ search: (prev) => ({ ...prev, from: version }) })}
        />
        <VersionPicker
          label="To"
          versions={versions}
          value={to}
          onChange={(version) => void navigate({ search: (prev) => ({ ...prev, to: version }) })}
        />
        <Link
          to="/templates/$templateName"
          params={{ templateName }}
          search={{ tab: 'versions', from, to }}
          className="self-center text-sm underline-offset-4 hover:underline focus-visible:underline"
        >
          Link to this comparison
        </Link>
      </div>
      {failed ? (
        <LoadErrorMessage
          title="Could not load the versions"
          error={failed}
          onRetry={() => {
            void before.refetch()
            void after.refetch()
          }}
        />
      ) : before.data && after.data ? (
        <VersionDiff from={before.data} to={after.data} />
      ) : (
        <Skeleton className="h-48 w-full" aria-label="Loading the comparison" />
      )}
    </section>
  )
}
