import type { AgentType } from '../../storage/agents-repository.ts'

/** Agent types that must answer through tools, with send_message ending the turn (Letta's V2 loop). */
const SEND_MESSAGE_TYPES: readonly AgentType[] = ['memgpt_agent', 'memgpt_v2_agent']

export function usesSendMessage(agentType: AgentType): boolean {
  return SEND_MESSAGE_TYPES.includes(agentType)
}

/** The built-in tools an agent of each type starts with when include_base_tools is on. */
export function baseToolNames(agentType: AgentType): string[] {
  switch (agentType) {
    case 'memgpt_agent':
      return ['send_message', 'conversation_search', 'core_memory_append', 'core_memory_replace']
    case 'memgpt_v2_agent':
      return ['send_message', 'conversation_search', 'memory_replace', 'memory_insert']
    default:
      return ['conversation_search', 'memory_replace', 'memory_insert']
  }
}

const MEMORY_PARAGRAPH = `You have a core memory made of labelled blocks, shown below. It is always in your context:
keep what you learn about the user and yourself there, with the memory tools, within each block's
character limit. Earlier messages can be found again with conversation_search, and attached
documents with archival_memory_search when you have it.`

/** The system prompt new agents get when they bring none; {CORE_MEMORY} is where memory goes. */
export function defaultSystemPrompt(agentType: AgentType): string {
  if (usesSendMessage(agentType)) {
    return `You are a helpful agent with a persistent memory, running in Letta Admin.
Every reply is a tool call. To speak to the user, call send_message: it ends your turn. Other
tools return their result to you, and you continue.

${MEMORY_PARAGRAPH}

{CORE_MEMORY}`
  }
  return `You are a helpful agent with a persistent memory, running in Letta Admin.
Call tools when they help; their results come back to you. To answer the user and end your turn,
reply with text and no tool call.

${MEMORY_PARAGRAPH}

{CORE_MEMORY}`
}
