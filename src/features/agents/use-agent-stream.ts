import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'

import {
  streamAgentMessages,
  type LettaMessage,
  type LettaUsage,
  type StreamEvent,
} from '@/api/agent-stream'
import { agentKeys } from '@/api/agents'
import { runKeys } from '@/api/runs'

export interface StreamState {
  /** The text the user sent, shown until the stored conversation includes it. */
  sent: string | undefined
  /** The agent's messages so far, in arrival order. */
  messages: LettaMessage[]
  runId: string | undefined
  stopReason: string | undefined
  usage: LettaUsage | undefined
  /** The server's refusal (4xx/5xx) or the provider failure it reported mid-stream. */
  error: string | undefined
  streaming: boolean
}

const idle: StreamState = {
  sent: undefined,
  messages: [],
  runId: undefined,
  stopReason: undefined,
  usage: undefined,
  error: undefined,
  streaming: false,
}

/** Folds one server-sent event into the state of the reply. */
export function applyStreamEvent(state: StreamState, event: StreamEvent): StreamState {
  switch (event.message_type) {
    case 'ping':
      return event.run_id ? { ...state, runId: event.run_id } : state
    case 'stop_reason':
      return { ...state, stopReason: event.stop_reason ?? undefined }
    case 'usage_statistics':
      return { ...state, usage: event }
    case 'error_message':
      return {
        ...state,
        runId: event.run_id ?? state.runId,
        error: event.detail || event.message || 'The agent failed.',
      }
    default:
      return {
        ...state,
        runId: event.run_id ?? state.runId,
        messages: [...state.messages, event],
      }
  }
}

/**
 * Sends a message and keeps the reply as it streams in. Once it ends, the stored conversation,
 * the agent (its memory may have changed) and the runs are fetched again, and the streamed copy
 * is dropped for the stored one.
 */
export function useAgentStream(agentId: string) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<StreamState>(idle)
  const busy = useRef(false)

  const send = useCallback(
    async (text: string) => {
      if (busy.current) return
      busy.current = true
      setState({ ...idle, sent: text, streaming: true })
      try {
        await streamAgentMessages(agentId, { input: text }, (event) =>
          setState((previous) => applyStreamEvent(previous, event)),
        )
      } catch (error) {
        setState((previous) => ({
          ...previous,
          error: error instanceof Error ? error.message : String(error),
        }))
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: agentKeys.detail(agentId) }),
        queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: runKeys.all }),
      ])
      busy.current = false
      // The stored conversation now holds whatever was kept; the outcome stays on screen.
      setState((previous) => ({
        ...idle,
        error: previous.error,
        stopReason: previous.stopReason,
        usage: previous.usage,
        runId: previous.runId,
      }))
    },
    [agentId, queryClient],
  )

  return { state, send }
}
