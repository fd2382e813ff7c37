import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useId, useRef, useState } from 'react'

import { agentMessagesQueryOptions } from '@/api/agents'
import { LoaderCircleIcon, MessagesSquareIcon, SendIcon } from '@/components/icons'
import { MessageError, MessageItem, MessageList } from '@/components/messages/message-item'
import { StopReason } from '@/components/run-badges'
import { LoadErrorMessage, StateMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Label } from '@/components/ui/label'
import { Skeleton } from '@/components/ui/skeleton'
import { Textarea } from '@/components/ui/textarea'

import { useAgentStream } from './use-agent-stream'

/** Longest message the server accepts. */
const MAX_MESSAGE_LENGTH = 100_000

/** The conversation with the agent and a composer whose reply streams in. */
export function AgentConversation({ agentId }: { agentId: string }) {
  const messages = useQuery(agentMessagesQueryOptions(agentId))
  const { state, send } = useAgentStream(agentId)
  const [text, setText] = useState('')
  const inputId = useId()
  const end = useRef<HTMLDivElement>(null)

  const streamedCount = state.messages.length
  const storedCount = messages.data?.length ?? 0
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' })
  }, [streamedCount, storedCount, state.sent])

  const submit = (event?: React.FormEvent) => {
    event?.preventDefault()
    const message = text.trim()
    if (!message || state.streaming) return
    setText('')
    void send(message)
  }

  // The stored conversation can arrive before the streamed copy is dropped (or mid-stream, on a
  // refetch): what it already holds is not shown twice.
  const storedIds = new Set(messages.data?.map((message) => message.id))
  const sentIsStored = state.messages.some((message) => storedIds.has(message.id))
  const unstored = state.messages.filter((message) => !storedIds.has(message.id))

  let history: React.ReactNode
  if (messages.isPending) {
    history = <Skeleton className="h-32 w-full" />
  } else if (messages.isError) {
    history = (
      <LoadErrorMessage
        title="Could not load the conversation"
        error={messages.error}
        onRetry={() => void messages.refetch()}
      />
    )
  } else if (messages.data.length === 0 && !state.sent) {
    history = (
      <StateMessage icon={MessagesSquareIcon} title="No messages yet">
        <p className="text-sm text-muted-foreground">Say something to the agent below.</p>
      </StateMessage>
    )
  } else {
    history = <MessageList aria-label="Conversation" messages={messages.data} />
  }

  return (
    <div className="grid gap-4">
      <div
        role="log"
        aria-label="Messages"
        className="grid max-h-[60vh] gap-3 overflow-y-auto pr-1"
      >
        {history}
        {state.sent !== undefined && (!sentIsStored || unstored.length > 0) && (
          <ol className="flex flex-col gap-3" aria-label="Reply in progress">
            {!sentIsStored && (
              <MessageItem
                message={{
                  id: 'pending',
                  message_type: 'user_message',
                  content: state.sent,
                  date: new Date().toISOString(),
                  name: null,
                  otid: null,
                  sender_id: null,
                  step_id: null,
                  run_id: null,
                }}
              />
            )}
            {unstored.map((message, index) => (
              <MessageItem key={`${message.id}-${index}`} message={message} />
            ))}
          </ol>
        )}
        {state.streaming && (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Icon node={LoaderCircleIcon} aria-hidden className="size-4 animate-spin" />
            The agent is working…
          </p>
        )}
        <div ref={end} />
      </div>
      {state.error && <MessageError title="The message failed">{state.error}</MessageError>}
      {!state.streaming && (state.stopReason || state.runId) && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          {state.stopReason && (
            <>
              Stopped: <StopReason reason={state.stopReason} />
            </>
          )}
          {state.usage && <span>{state.usage.total_tokens.toLocaleString()} tokens</span>}
          {state.runId && (
            <Link
              to="/runs/$runId"
              params={{ runId: state.runId }}
              className="underline underline-offset-4"
            >
              Open the run
            </Link>
          )}
        </p>
      )}
      <form onSubmit={submit} className="grid gap-2">
        <Label htmlFor={inputId}>Message</Label>
        <Textarea
          id={inputId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends; Shift+Enter starts a new line.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault()
              submit()
            }
          }}
          rows={3}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder="Write to the agent. Enter sends, Shift+Enter starts a new line."
        />
        <Button type="submit" className="w-fit" disabled={state.streaming || !text.trim()}>
          {state.streaming ? (
            <Icon node={LoaderCircleIcon} className="animate-spin" />
          ) : (
            <Icon node={SendIcon} />
          )}
          Send
        </Button>
      </form>
    </div>
  )
}
