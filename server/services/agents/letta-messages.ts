import type { AgentType } from '../../storage/agents-repository.ts'
import type { StoredMessage, StoredToolCall } from '../../storage/messages-repository.ts'
import { usesSendMessage } from './defaults.ts'

export const MESSAGE_TYPES = [
  'system_message',
  'user_message',
  'assistant_message',
  'reasoning_message',
  'hidden_reasoning_message',
  'tool_call_message',
  'tool_return_message',
  'approval_request_message',
  'approval_response_message',
] as const
export type MessageType = (typeof MESSAGE_TYPES)[number]

interface LettaMessageBase {
  id: string
  date: string
  name: string | null
  otid: string | null
  sender_id: string | null
  step_id: string | null
  run_id: string | null
  seq_id: null
  is_err?: true
}

export interface LettaToolCall {
  name: string
  arguments: string
  tool_call_id: string
}

export interface LettaToolReturn {
  tool_return: string
  status: 'success' | 'error'
  tool_call_id: string
  stdout: string[] | null
  stderr: string[] | null
}

export type LettaMessage = LettaMessageBase &
  (
    | { message_type: 'system_message'; content: string }
    | { message_type: 'user_message'; content: string }
    | { message_type: 'assistant_message'; content: string }
    | {
        message_type: 'reasoning_message'
        reasoning: string
        source: 'reasoner_model' | 'non_reasoner_model'
        signature: string | null
      }
    | { message_type: 'tool_call_message'; tool_call: LettaToolCall; tool_calls: LettaToolCall[] }
    | ({ message_type: 'tool_return_message'; tool_returns: LettaToolReturn[] } & LettaToolReturn)
  )

/** Letta's otid for the index-th Letta message cut from one stored message: its uuid with the low 7 bits replaced. */
export function otidFor(messageId: string, index: number): string {
  const uuid = messageId.replace(/^message-/, '')
  const lastByte = parseInt(uuid.slice(-2), 16)
  return `${uuid.slice(0, -2)}${((lastByte & 0x80) | (index & 0x7f)).toString(16).padStart(2, '0')}`
}

/** The text a packaged tool result carries (`{status, message, time}`), or the text itself. */
export function unpackToolResult(funcResponse: string): string {
  try {
    const parsed = JSON.parse(funcResponse) as { message?: unknown }
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      return typeof parsed.message === 'string' ? parsed.message : JSON.stringify(parsed.message)
    }
  } catch {
    // Not packaged: shown as is.
  }
  return funcResponse
}

/** What send_message said, from its arguments. */
function sentMessage(call: StoredToolCall): string {
  try {
    const args = JSON.parse(call.function.arguments) as { message?: unknown }
    if (typeof args.message === 'string') return args.message
  } catch {
    // Malformed arguments are shown raw.
  }
  return call.function.arguments
}

const toLettaCall = (call: StoredToolCall): LettaToolCall => ({
  name: call.function.name,
  arguments: call.function.arguments,
  tool_call_id: call.id,
})

/**
 * Stored messages as Letta's message union. An assistant message becomes its reasoning, its text
 * (assistant text for letta_v1 agents, inner thoughts for memgpt agents), send_message calls as
 * assistant messages and other calls as one tool_call_message; send_message's return is left out.
 */
export function toLettaMessages(
  messages: readonly StoredMessage[],
  agentType: AgentType,
): LettaMessage[] {
  const textIsReasoning = usesSendMessage(agentType)
  const out: LettaMessage[] = []
  for (const message of messages) {
    let index = 0
    const base = (): LettaMessageBase => ({
      id: message.id,
      date: message.created_at,
      name: message.name,
      otid: otidFor(message.id, index++),
      sender_id: message.sender_id,
      step_id: message.step_id,
      run_id: message.run_id,
      seq_id: null,
      ...(message.is_err ? { is_err: true as const } : {}),
    })
    const text = message.content
      .flatMap((part) => (part.type === 'text' ? [part.text] : []))
      .join('\n')
    switch (message.role) {
      case 'system':
        out.push({ ...base(), message_type: 'system_message', content: text })
        break
      case 'user':
        out.push({ ...base(), message_type: 'user_message', content: text })
        break
      case 'assistant': {
        for (const part of message.content) {
          if (part.type === 'reasoning') {
            out.push({
              ...base(),
              message_type: 'reasoning_message',
              reasoning: part.reasoning,
              source: 'reasoner_model',
              signature: part.signature,
            })
          } else if (part.text) {
            out.push(
              textIsReasoning
                ? {
                    ...base(),
                    message_type: 'reasoning_message',
                    reasoning: part.text,
                    source: 'non_reasoner_model',
                    signature: null,
                  }
                : { ...base(), message_type: 'assistant_message', content: part.text },
            )
          }
        }
        const calls = message.tool_calls ?? []
        for (const call of calls.filter((c) => c.function.name === 'send_message')) {
          out.push({ ...base(), message_type: 'assistant_message', content: sentMessage(call) })
        }
        const others = calls.filter((c) => c.function.name !== 'send_message').map(toLettaCall)
        if (others[0]) {
          out.push({
            ...base(),
            message_type: 'tool_call_message',
            tool_call: others[0],
            tool_calls: others,
          })
        }
        break
      }
      case 'tool': {
        const returns = (message.tool_returns ?? [])
          .filter((entry) => entry.name !== 'send_message')
          .map((entry) => ({
            tool_return: unpackToolResult(entry.func_response),
            status: entry.status,
            tool_call_id: entry.tool_call_id,
            stdout: entry.stdout,
            stderr: entry.stderr,
          }))
        const first = returns[0]
        if (first) {
          out.push({
            ...base(),
            message_type: 'tool_return_message',
            ...first,
            tool_returns: returns,
          })
        }
        break
      }
    }
  }
  return out
}
