/** Letta's tool types, in the order the type filter lists them. */
export const TOOL_TYPES = [
  'custom',
  'external_mcp',
  'external_composio',
  'external_langchain',
  'letta_core',
  'letta_memory_core',
  'letta_multi_agent_core',
  'letta_sleeptime_core',
  'letta_voice_sleeptime_core',
  'letta_builtin',
  'letta_files_core',
] as const

export type ToolTypeName = (typeof TOOL_TYPES)[number]

/** Tools that ship with Letta: listed, counted only on request, never changed. */
export const isBuiltInType = (type: string | null | undefined) =>
  typeof type === 'string' && type.startsWith('letta_')

export const USER_TOOL_TYPES = TOOL_TYPES.filter((type) => !isBuiltInType(type))

const LABELS: Record<ToolTypeName, string> = {
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
  type ? (LABELS[type as ToolTypeName] ?? type) : 'Unknown'

/**
 * The `tool_types` filter for the list: a chosen type wins; otherwise built-in tools are left
 * out unless asked for, so the list agrees with the count.
 */
export function toolTypesFilter(type: string, includeBuiltIn: boolean): string[] | undefined {
  if (type !== 'all') return [type]
  return includeBuiltIn ? undefined : [...USER_TOOL_TYPES]
}
