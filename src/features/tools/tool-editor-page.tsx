import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link, useBlocker, useNavigate, useParams } from '@tanstack/react-router'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'

import { toolQueryOptions, useUpdateTool, type Tool } from '@/api/tools'
import {
  ArrowLeftIcon,
  LoaderCircleIcon,
  LockIcon,
  SaveIcon,
  SearchXIcon,
} from '@/components/icons'
import { PageHeader } from '@/components/page-header'
import { PageHeading } from '@/components/page-heading'
import { useTheme } from '@/components/theme-provider'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { toast } from '@/lib/toast'

import {
  changedFields,
  draftFromTool,
  hasChanges,
  isDirty,
  rebaseDraft,
  returnCharLimitError,
  type ToolDraft,
} from './changes'
import { SchemaErrorMessage, SchemaPreview } from './schema-preview'
import { ToolDetails } from './tool-details'
import { DeleteToolButton, LeaveWithoutSavingDialog } from './tool-dialogs'
import { ToolRunPanel } from './tool-run-panel'
import { ToolSettings } from './tool-settings'
import { isBuiltInType, toolTypeLabel } from './tool-types'
import { useSaveShortcut } from './use-save-shortcut'
import { useSchemaPreview } from './use-schema-preview'

// Monaco is ~1 MB: it is fetched when an editor is shown, never with the rest of the console.
const PythonEditor = lazy(() =>
  import('./python-editor').then((module) => ({ default: module.PythonEditor })),
)

const route = getRouteApi('/tools/$toolId')

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function ToolEditorPage() {
  const { toolId } = route.useParams()
  const { data: tool } = useSuspenseQuery(toolQueryOptions(toolId))
  return <ToolEditor key={tool.id} tool={tool} />
}

export function ToolNotFound() {
  const { toolId } = useParams({ strict: false })
  return (
    <div className="mx-auto mt-12 flex max-w-lg flex-col items-center gap-3 text-center">
      <Icon node={SearchXIcon} className="size-8 text-muted-foreground" />
      <PageHeading title="Tool not found" className="text-lg" />
      <p className="text-sm text-muted-foreground">
        No tool has the id <code className="font-mono">{toolId}</code>. It may have been deleted.
      </p>
      <Button asChild variant="outline">
        <Link to="/tools">
          <Icon node={ArrowLeftIcon} /> All tools
        </Link>
      </Button>
    </div>
  )
}

function ToolEditor({ tool }: { tool: Tool }) {
  const readOnly = isBuiltInType(tool.tool_type)
  const { resolvedTheme } = useTheme()
  const navigate = useNavigate()
  const [draft, setDraft] = useState(() => draftFromTool(tool))
  const [revealLine, setRevealLine] = useState<{ line: number; at: number }>()
  const changes = changedFields(tool, draft)
  const limitError = returnCharLimitError(draft.returnCharLimitText)
  const dirty = !readOnly && isDirty(tool, draft)
  const canSave = !readOnly && hasChanges(changes) && limitError === undefined

  const preview = useSchemaPreview({
    sourceCode: draft.sourceCode,
    readOnly,
    storedSchema: tool.json_schema,
  })

  // Leaving on purpose (after a delete) must not ask about unsaved changes.
  const leaving = useRef(false)
  const dirtyRef = useRef(dirty)
  useEffect(() => {
    dirtyRef.current = dirty
  }, [dirty])
  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current && !leaving.current,
    enableBeforeUnload: () => dirtyRef.current && !leaving.current,
    withResolver: true,
  })

  const update = useUpdateTool(tool.id)
  const save = () => {
    if (!canSave || update.isPending) return
    const sent: ToolDraft = draft
    update.mutate(changes, {
      onSuccess: (saved) => {
        setDraft((current) => rebaseDraft(current, sent, draftFromTool(saved)))
        toast.success(`Saved ${saved.name}`)
      },
    })
  }
  useSaveShortcut(save)

  const patchDraft = (patch: Partial<ToolDraft>) =>
    setDraft((current) => ({ ...current, ...patch }))

  return (
    <>
      <PageHeader
        title={tool.name}
        heading={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono break-all">{tool.name}</span>
            {readOnly ? (
              <Badge variant="secondary">
                <Icon node={LockIcon} /> Built-in
              </Badge>
            ) : (
              <Badge variant="outline">{toolTypeLabel(tool.tool_type)}</Badge>
            )}
          </span>
        }
        description={
          readOnly
            ? 'Built into Letta: it can be read here, not changed.'
            : `Python tool. ${isMac ? '⌘' : 'Ctrl'}+S saves.`
        }
        actions={
          readOnly ? undefined : (
            <>
              {dirty && (
                <span className="text-xs text-muted-foreground" role="status">
                  Unsaved changes
                </span>
              )}
              <DeleteToolButton
                tool={tool}
                onBeforeDelete={() => {
                  leaving.current = true
                }}
                onDeleteFailed={() => {
                  leaving.current = false
                }}
                onDeleted={async () => {
                  toast.success(`Deleted ${tool.name}`)
                  await navigate({ to: '/tools' })
                }}
              />
              <Button onClick={save} disabled={!canSave || update.isPending}>
                {update.isPending ? (
                  <Icon node={LoaderCircleIcon} className="animate-spin" />
                ) : (
                  <Icon node={SaveIcon} />
                )}
                Save
              </Button>
            </>
          )
        }
      />
      {update.isError && (
        <p
          role="alert"
          className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
        >
          Not saved: {update.error.message}
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="grid min-w-0 content-start gap-4">
          <Card className="gap-0 overflow-hidden py-0">
            <div className="h-[28rem] xl:h-[calc(100svh-24rem)] xl:min-h-96">
              <Suspense fallback={<Skeleton className="size-full rounded-none" />}>
                <PythonEditor
                  initialValue={draft.sourceCode}
                  onChange={(sourceCode) => patchDraft({ sourceCode })}
                  theme={resolvedTheme}
                  readOnly={readOnly}
                  error={preview.error}
                  onSave={save}
                  revealLine={revealLine}
                />
              </Suspense>
            </div>
            {preview.error && (
              <SchemaErrorMessage
                error={preview.error}
                onShowLine={(line) => setRevealLine({ line, at: Date.now() })}
              />
            )}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Settings</CardTitle>
            </CardHeader>
            <CardContent>
              <ToolSettings draft={draft} readOnly={readOnly} onChange={patchDraft} />
            </CardContent>
          </Card>
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <Card className="py-4">
            <CardContent className="px-4">
              <Tabs defaultValue="schema">
                <TabsList>
                  <TabsTrigger value="schema">Schema</TabsTrigger>
                  <TabsTrigger value="run">Run</TabsTrigger>
                </TabsList>
                <TabsContent value="schema" className="pt-2">
                  <SchemaPreview
                    schema={preview.schema}
                    updating={preview.updating}
                    stale={preview.error !== undefined}
                    stored={readOnly}
                  />
                </TabsContent>
                {/* Kept mounted, so arguments and the last result survive a look at the schema. */}
                <TabsContent value="run" forceMount className="pt-2 data-[state=inactive]:hidden">
                  {readOnly ? (
                    <p className="text-sm text-muted-foreground">
                      Built-in tools run inside an agent, with its state: they cannot be run on
                      their own here.
                    </p>
                  ) : (
                    <ToolRunPanel
                      sourceCode={draft.sourceCode}
                      schema={preview.schema}
                      returnCharLimit={
                        limitError === undefined ? Number(draft.returnCharLimitText) : undefined
                      }
                    />
                  )}
                </TabsContent>
              </Tabs>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <ToolDetails tool={tool} />
            </CardContent>
          </Card>
        </div>
      </div>
      <LeaveWithoutSavingDialog
        open={blocker.status === 'blocked'}
        toolName={tool.name}
        onStay={() => blocker.reset?.()}
        onLeave={() => blocker.proceed?.()}
      />
    </>
  )
}
