import type { Source, SourceUpdate } from '@/api/sources'

/** The longest name the server takes. */
export const MAX_SOURCE_NAME = 255

/** The edit dialog's fields, as typed. */
export interface SourceDraft {
  name: string
  description: string
  instructions: string
}

export type SourceChanges = Pick<SourceUpdate, 'name' | 'description' | 'instructions'>

export function draftFromSource(
  source: Pick<Source, 'name' | 'description' | 'instructions'>,
): SourceDraft {
  return {
    name: source.name,
    description: source.description ?? '',
    instructions: source.instructions ?? '',
  }
}

/** Blank text is stored as null, as a source created without it holds it. */
const optionalText = (text: string) => text.trim() || null

/**
 * Only the fields that differ from the saved source, so a PATCH never overwrites what was not
 * touched (nor what someone else changed meanwhile). Surrounding spaces do not count as a change.
 */
export function sourceChanges(
  source: Pick<Source, 'name' | 'description' | 'instructions'>,
  draft: SourceDraft,
): SourceChanges {
  const changes: SourceChanges = {}
  const name = draft.name.trim()
  if (name !== source.name) changes.name = name
  const description = optionalText(draft.description)
  if (description !== (source.description?.trim() || null)) changes.description = description
  const instructions = optionalText(draft.instructions)
  if (instructions !== (source.instructions?.trim() || null)) changes.instructions = instructions
  return changes
}

export const hasSourceChanges = (changes: SourceChanges) => Object.keys(changes).length > 0

/** Why the name cannot be saved, or undefined when it can. */
export function sourceNameProblem(name: string): string | undefined {
  const trimmed = name.trim()
  if (!trimmed) return 'Give the source a name.'
  if (trimmed.length > MAX_SOURCE_NAME) {
    return `Keep the name to ${MAX_SOURCE_NAME} characters (it has ${trimmed.length}).`
  }
  return undefined
}
