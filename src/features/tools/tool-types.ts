import type { ToolType } from '@/api/tools'
import { toolTypeValues } from '@/api/values'

/** Tools that ship with Letta: listed, counted only on request, never changed. */
export const isBuiltInType = (type: string | null | undefined) =>
  typeof type === 'string' && type.startsWith('letta_')

export const USER_TOOL_TYPES = toolTypeValues.filter((type) => !isBuiltInType(type))

/** The type filter's order: the kinds people make first, then Letta's own. */
export const TOOL_TYPES = [...USER_TOOL_TYPES, ...toolTypeValues.filter(isBuiltInType)]

const LABELS: Record<ToolType, string> = {
  custom: 'Custom',
  external_mcp: 'MCP',
  external_composio: 'Composio',
  external_langchain: 'LangChain',
  letta_core: 'Letta core',
  letta_memory_core: 'Letta memory',
  letta_multi_agent_core: 'Letta multi-agent',
  letta_sleeptime_core: 'Letta sleep-time',
  letta_voice_sleeptime_core: 'Letta voice sleep-time',
  letta_builtin: 'Letta built-in',
  letta_files_core: 'Letta files',
}

/** A readable name for a type; an unknown one is shown as the server sent it. */
export const toolTypeLabel = (type: string | null | undefined) =>
  type ? (LABELS[type as ToolType] ?? type) : 'Unknown'

/**
 * The `tool_types` filter for the list: a chosen type wins; otherwise built-in tools are left
 * out unless asked for, so the list agrees with the count.
 */
export function toolTypesFilter(type: string, includeBuiltIn: boolean): string[] | undefined {
  if (type !== 'all') return [type]
  return includeBuiltIn ? undefined : [...USER_TOOL_TYPES]
}
