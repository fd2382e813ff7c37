import type * as React from 'react'

import type { AsReceived } from '@/api/client'
import type { components } from '@/api/generated/schema'
import {
  BotIcon,
  ChevronRightIcon,
  TriangleAlertIcon,
  UserIcon,
  WrenchIcon,
  type IconNode,
} from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

export type LettaMessage = AsReceived<components['schemas']['LettaMessageUnion']>
type ToolCall = components['schemas']['ToolCall']

/** A tool call's arguments indented for reading; text that is not JSON is shown as it came. */
export function formatArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** A collapsed section: the summary is the button, the body is read on demand. */
function Disclosure({
  summary,
  className,
  children,
}: {
  summary: React.ReactNode
  className?: string
  children: React.ReactNode
}) {
  return (
    <details className={cn('group rounded-md border bg-muted/40 text-sm', className)}>
      <summary className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-muted-foreground select-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none [&::-webkit-details-marker]:hidden">
        <Icon
          node={ChevronRightIcon}
          aria-hidden
          className="size-4 transition-transform group-open:rotate-90"
        />
        {summary}
      </summary>
      <div className="border-t px-3 py-2">{children}</div>
    </details>
  )
}

function Bubble({
  who,
  icon,
  tone,
  children,
}: {
  who: string
  icon: IconNode
  tone: 'user' | 'assistant'
  children: React.ReactNode
}) {
  return (
    <div
      className={cn(
        'max-w-[85%] rounded-lg border px-3 py-2 text-sm',
        tone === 'user' ? 'ml-auto bg-primary/10' : 'bg-card',
      )}
    >
      <p className="mb-1 flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Icon node={icon} aria-hidden className="size-3.5" />
        {who}
      </p>
      <p className="break-words whitespace-pre-wrap">{children}</p>
    </div>
  )
}

function ToolCallView({ call }: { call: ToolCall }) {
  return (
    <div className="rounded-md border bg-card text-sm">
      <p className="flex items-center gap-2 border-b px-3 py-2">
        <Icon node={WrenchIcon} aria-hidden className="size-4 text-muted-foreground" />
        <span className="text-muted-foreground">Tool call</span>
        <span className="font-mono font-medium">{call.name}</span>
      </p>
      <pre
        aria-label={`Arguments of ${call.name}`}
        className="overflow-x-auto px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap"
      >
        {formatArguments(call.arguments)}
      </pre>
    </div>
  )
}

function OutputLines({ label, lines }: { label: string; lines: string[] | null | undefined }) {
  if (!lines?.length) return null
  return (
    <Disclosure summary={label} className="mt-2">
      <pre className="font-mono text-xs break-all whitespace-pre-wrap">{lines.join('')}</pre>
    </Disclosure>
  )
}

/** One Letta message, each type in its own way; unknown types show their JSON. */
export function MessageItem({ message }: { message: LettaMessage }) {
  const body = messageBody(message)
  return (
    <li data-message-type={message.message_type} className="flex flex-col gap-1">
      {message.is_err && (
        <p className="flex items-center gap-1 text-xs text-destructive">
          <Icon node={TriangleAlertIcon} aria-hidden className="size-3.5" />
          From a failed step
        </p>
      )}
      {body}
    </li>
  )
}

function messageBody(message: LettaMessage): React.ReactNode {
  switch (message.message_type) {
    case 'user_message':
      return (
        <Bubble who="User" icon={UserIcon} tone="user">
          {message.content}
        </Bubble>
      )
    case 'assistant_message':
      return (
        <Bubble who="Agent" icon={BotIcon} tone="assistant">
          {message.content}
        </Bubble>
      )
    case 'reasoning_message':
      return (
        <Disclosure summary="Reasoning">
          <p className="break-words whitespace-pre-wrap text-muted-foreground italic">
            {message.reasoning}
          </p>
        </Disclosure>
      )
    case 'system_message':
      return (
        <Disclosure summary="System prompt">
          <pre className="max-h-96 overflow-auto font-mono text-xs break-words whitespace-pre-wrap">
            {message.content}
          </pre>
        </Disclosure>
      )
    case 'tool_call_message': {
      const calls = message.tool_calls.length ? message.tool_calls : [message.tool_call]
      return (
        <div className="grid gap-2">
          {calls.map((call) => (
            <ToolCallView key={call.tool_call_id} call={call} />
          ))}
        </div>
      )
    }
    case 'tool_return_message':
      return (
        <div className="rounded-md border bg-card text-sm">
          <p className="flex items-center gap-2 border-b px-3 py-2">
            <span className="text-muted-foreground">Tool return</span>
            <Badge variant={message.status === 'success' ? 'success' : 'destructive'}>
              {message.status}
            </Badge>
          </p>
          <div className="px-3 py-2">
            <pre className="font-mono text-xs break-all whitespace-pre-wrap">
              {message.tool_return}
            </pre>
            <OutputLines label="Standard output" lines={message.stdout} />
            <OutputLines label="Standard error" lines={message.stderr} />
          </div>
        </div>
      )
    default:
      return <UnknownMessage message={message} />
  }
}

function UnknownMessage({ message }: { message: { message_type: string } }) {
  return (
    <Disclosure summary={message.message_type}>
      <pre className="font-mono text-xs break-all whitespace-pre-wrap">
        {JSON.stringify(message, null, 2)}
      </pre>
    </Disclosure>
  )
}

/** A failure the agent ran into: the provider's error or the run's stored reason. */
export function MessageError({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-destructive/50 px-3 py-2 text-sm">
      <p className="flex items-center gap-2 font-medium text-destructive">
        <Icon node={TriangleAlertIcon} aria-hidden className="size-4" />
        {title}
      </p>
      <p className="mt-1 break-words whitespace-pre-wrap">{children}</p>
    </div>
  )
}

/** A transcript, oldest first. */
export function MessageList({
  messages,
  className,
  ...props
}: Omit<React.ComponentProps<'ol'>, 'children'> & { messages: readonly LettaMessage[] }) {
  return (
    <ol className={cn('flex flex-col gap-3', className)} {...props}>
      {messages.map((message, index) => (
        <MessageItem key={`${message.id}-${message.message_type}-${index}`} message={message} />
      ))}
    </ol>
  )
}
