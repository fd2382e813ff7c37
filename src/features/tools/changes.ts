/** The fields of a tool this console edits, as the server holds them. */
export interface EditableTool {
  source_code?: string | null
  description?: string | null
  tags?: string[] | null
  return_char_limit?: number | null
}

/** The editor's state: text as typed, parsed only when compared or saved. */
export interface ToolDraft {
  sourceCode: string
  description: string
  tagsText: string
  returnCharLimitText: string
}

export interface ToolChanges {
  source_code?: string
  description?: string
  tags?: string[]
  return_char_limit?: number
}

export const RETURN_CHAR_LIMIT_MAX = 1_000_000

export function draftFromTool(tool: EditableTool): ToolDraft {
  return {
    sourceCode: tool.source_code ?? '',
    description: tool.description ?? '',
    tagsText: (tool.tags ?? []).join(', '),
    returnCharLimitText:
      tool.return_char_limit === null || tool.return_char_limit === undefined
        ? ''
        : String(tool.return_char_limit),
  }
}

/** "a, b,,a , c" -> ["a", "b", "c"]: trimmed, no empties, first occurrence kept. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
  return [...new Set(tags)]
}

/** Why the return limit cannot be saved, or undefined when it can. */
export function returnCharLimitError(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return 'Enter a limit'
  const value = Number(trimmed)
  if (!Number.isInteger(value) || value < 1 || value > RETURN_CHAR_LIMIT_MAX) {
    return `Enter a whole number from 1 to ${RETURN_CHAR_LIMIT_MAX.toLocaleString('en-US')}`
  }
  return undefined
}

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index])

/** Only what differs from the saved tool, so a PATCH never overwrites what was not touched. */
export function changedFields(tool: EditableTool, draft: ToolDraft): ToolChanges {
  const changes: ToolChanges = {}
  if (draft.sourceCode !== (tool.source_code ?? '')) changes.source_code = draft.sourceCode
  if (draft.description !== (tool.description ?? '')) changes.description = draft.description
  const tags = parseTags(draft.tagsText)
  if (!sameList(tags, tool.tags ?? [])) changes.tags = tags
  if (returnCharLimitError(draft.returnCharLimitText) === undefined) {
    const limit = Number(draft.returnCharLimitText.trim())
    if (limit !== tool.return_char_limit) changes.return_char_limit = limit
  }
  return changes
}

export const hasChanges = (changes: ToolChanges) => Object.keys(changes).length > 0

/**
 * The draft after a save: fields untouched since the save take the server's values (it may
 * derive some, e.g. the description from a new docstring); fields edited meanwhile are kept.
 */
export function rebaseDraft(current: ToolDraft, sent: ToolDraft, saved: ToolDraft): ToolDraft {
  const keys = Object.keys(current) as (keyof ToolDraft)[]
  return Object.fromEntries(
    keys.map((key) => [key, current[key] === sent[key] ? saved[key] : current[key]]),
  ) as unknown as ToolDraft
}

/** Unsaved work, including a return limit that cannot be saved as typed. */
export function isDirty(tool: EditableTool, draft: ToolDraft): boolean {
  if (hasChanges(changedFields(tool, draft))) return true
  const limit = draft.returnCharLimitText.trim()
  return (
    returnCharLimitError(limit) !== undefined && limit !== draftFromTool(tool).returnCharLimitText
  )
}
