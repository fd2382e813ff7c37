import type { AgentCreate } from '@/api/agents'

/** The server's bounds (see its request schema), checked here so nothing is lost to a 400. */
export const MAX_NAME_LENGTH = 255
export const MAX_BLOCK_LIMIT = 1_000_000
export const MAX_SYSTEM_LENGTH = 100_000
export const MAX_TAGS = 100
export const DEFAULT_BLOCK_LIMIT = 5_000

export interface BlockDraft {
  /** Stable across edits, for React keys. */
  key: number
  label: string
  value: string
  /** As typed; empty means DEFAULT_BLOCK_LIMIT. */
  limit: string
}

export interface AgentDraft {
  name: string
  model: string | undefined
  system: string
  blocks: BlockDraft[]
  toolIds: string[]
  sourceIds: string[]
  tags: string
}

export const initialBlocks = (): BlockDraft[] => [
  { key: 1, label: 'persona', value: 'I am a helpful assistant.', limit: '' },
  { key: 2, label: 'human', value: '', limit: '' },
]

/** A limit as typed: a whole number of characters within the server's bounds. */
export function parseLimit(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return DEFAULT_BLOCK_LIMIT
  if (!/^\d+$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return value >= 1 && value <= MAX_BLOCK_LIMIT ? value : undefined
}

/** Tags typed with commas between them, trimmed, without blanks or repeats. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()))].filter(Boolean)
}

/** What is wrong with one block, or undefined. */
export function blockProblem(block: BlockDraft): string | undefined {
  if (!block.label.trim()) return 'Give the block a label.'
  const limit = parseLimit(block.limit)
  if (limit === undefined) {
    return `The limit is a whole number of characters from 1 to ${MAX_BLOCK_LIMIT.toLocaleString('en')}.`
  }
  if (block.value.length > limit) {
    return `${block.value.length.toLocaleString('en')} characters: over the limit of ${limit.toLocaleString('en')}.`
  }
  return undefined
}

export type DraftResult = { ok: true; body: AgentCreate } | { ok: false; reason: string }

/** The request for a draft, or the first thing to fix in it. */
export function toAgentCreate(draft: AgentDraft): DraftResult {
  const name = draft.name.trim()
  if (!name) return { ok: false, reason: 'Give the agent a name.' }
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, reason: `A name has at most ${MAX_NAME_LENGTH} characters.` }
  }
  if (draft.system.length > MAX_SYSTEM_LENGTH) {
    return { ok: false, reason: `A system prompt has at most ${MAX_SYSTEM_LENGTH} characters.` }
  }
  const labels = new Set<string>()
  for (const block of draft.blocks) {
    const problem = blockProblem(block)
    if (problem)
      return { ok: false, reason: `Block "${block.label.trim() || '(no label)'}": ${problem}` }
    const label = block.label.trim()
    if (labels.has(label)) return { ok: false, reason: `Two blocks are labelled "${label}".` }
    labels.add(label)
  }
  const tags = parseTags(draft.tags)
  if (tags.length > MAX_TAGS) return { ok: false, reason: `At most ${MAX_TAGS} tags.` }
  if (tags.some((tag) => tag.length > MAX_NAME_LENGTH)) {
    return { ok: false, reason: `A tag has at most ${MAX_NAME_LENGTH} characters.` }
  }
  return {
    ok: true,
    body: {
      name,
      model: draft.model ?? null,
      system: draft.system.trim() || null,
      memory_blocks: draft.blocks.map((block) => ({
        label: block.label.trim(),
        value: block.value,
        limit: parseLimit(block.limit) ?? DEFAULT_BLOCK_LIMIT,
      })),
      tool_ids: draft.toolIds,
      folder_ids: draft.sourceIds,
      tags,
    },
  }
}
