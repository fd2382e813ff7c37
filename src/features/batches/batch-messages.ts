import type { BatchMessage } from '@/api/batches'

export interface MessageGroup {
  itemId: string
  agentId: string
  messages: BatchMessage[]
}

/** Consecutive messages of one item together, in the page's order. */
export function groupByItem(messages: readonly BatchMessage[]): MessageGroup[] {
  const groups: MessageGroup[] = []
  for (const message of messages) {
    const itemId = message.batch_item_id ?? ''
    const last = groups.at(-1)
    if (last && last.itemId === itemId) last.messages.push(message)
    else groups.push({ itemId, agentId: message.agent_id, messages: [message] })
  }
  return groups
}

/** A message's words: its text parts, or what its tool calls and returns say. */
export function messageText(message: BatchMessage): string {
  const text = message.content
    .map((part) => (part.type === 'text' ? part.text : part.reasoning))
    .join('\n')
  if (text) return text
  const calls = message.tool_calls?.map(
    (call) => `${call.function.name}(${call.function.arguments})`,
  )
  if (calls?.length) return calls.join('\n')
  return message.tool_returns?.map((item) => item.func_response).join('\n') ?? ''
}
