import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'

import { useAgentAttachment, type Agent, type Attachment } from '@/api/agents'
import { sourcesQueryOptions } from '@/api/sources'
import { toolsInfiniteQueryOptions } from '@/api/tools'
import { LoaderCircleIcon, UnlinkIcon } from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { NativeSelect } from '@/components/ui/native-select'
import { toast } from '@/lib/toast'

interface Attached {
  id: string
  name: string
  note?: string
}

/** One kind of attachment: the attached items, each with Detach, and a picker to attach more. */
function AttachmentList({
  kind,
  agent,
  attached,
  available,
}: {
  kind: Attachment['kind']
  agent: Agent
  attached: Attached[]
  available: Attached[] | undefined
}) {
  const [choice, setChoice] = useState<string>()
  const [problem, setProblem] = useState<string>()
  const change = useAgentAttachment(agent.id, {
    onError: (error) => setProblem(error.message),
  })
  const attachedIds = new Set(attached.map((item) => item.id))
  const choices = available?.filter((item) => !attachedIds.has(item.id)) ?? []
  const noun = kind === 'tool' ? 'tool' : 'source'

  const run = (action: Attachment['action'], item: Attached) => {
    setProblem(undefined)
    change.mutate(
      { kind, id: item.id, action },
      {
        onSuccess: () => {
          toast.success(`${action === 'attach' ? 'Attached' : 'Detached'} ${item.name}`)
          if (action === 'attach') setChoice(undefined)
        },
      },
    )
  }
  const chosen = choices.find((item) => item.id === choice)

  return (
    <div className="grid gap-3">
      {attached.length === 0 ? (
        <p className="text-sm text-muted-foreground">No {noun}s attached.</p>
      ) : (
        <ul className="grid gap-1.5" aria-label={`Attached ${noun}s`}>
          {attached.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                {kind === 'tool' ? (
                  <Link
                    to="/tools/$toolId"
                    params={{ toolId: item.id }}
                    className="truncate font-mono text-xs underline-offset-4 hover:underline"
                  >
                    {item.name}
                  </Link>
                ) : (
                  <Link
                    to="/sources/$sourceId"
                    params={{ sourceId: item.id }}
                    className="truncate underline-offset-4 hover:underline"
                  >
                    {item.name}
                  </Link>
                )}
                {item.note && <Badge variant="outline">{item.note}</Badge>}
              </span>
              <Button
                variant="ghost"
                size="sm"
                disabled={change.isPending}
                onClick={() => run('detach', item)}
                aria-label={`Detach ${item.name}`}
              >
                <Icon node={UnlinkIcon} />
                Detach
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-2">
        <NativeSelect
          aria-label={`${noun} to attach`}
          className="min-w-0 flex-1"
          value={chosen?.id ?? ''}
          onChange={(event) => setChoice(event.target.value)}
          disabled={choices.length === 0}
        >
          <option value="" disabled>
            {available === undefined
              ? 'Loading…'
              : choices.length === 0
                ? `No other ${noun}s`
                : `Choose a ${noun}`}
          </option>
          {choices.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </NativeSelect>
        <Button
          variant="outline"
          size="sm"
          disabled={!chosen || change.isPending}
          onClick={() => chosen && run('attach', chosen)}
        >
          {change.isPending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
          Attach
        </Button>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
    </div>
  )
}

export function AgentTools({ agent }: { agent: Agent }) {
  const tools = useInfiniteQuery(toolsInfiniteQueryOptions({ search: '', toolTypes: ['custom'] }))
  return (
    <AttachmentList
      kind="tool"
      agent={agent}
      attached={agent.tools.map((tool) => ({
        id: tool.id,
        name: tool.name,
        ...(tool.tool_type !== 'custom' && { note: 'built-in' }),
      }))}
      available={tools.data?.pages.flat().map((tool) => ({ id: tool.id, name: tool.name }))}
    />
  )
}

export function AgentSources({ agent }: { agent: Agent }) {
  const sources = useQuery(sourcesQueryOptions())
  return (
    <AttachmentList
      kind="source"
      agent={agent}
      attached={agent.sources.map((source) => ({ id: source.id, name: source.name }))}
      available={sources.data?.map((source) => ({ id: source.id, name: source.name }))}
    />
  )
}
