import type { Block } from '../../storage/blocks-repository.ts'
import type { Source } from '../../storage/sources-repository.ts'

const CORE_MEMORY = '{CORE_MEMORY}'

/** The blocks as Letta renders them into the system prompt: label, description, limits, value. */
export function compileBlocks(blocks: readonly Block[]): string {
  const rendered = blocks.map((block) => {
    const metadata = [
      ...(block.read_only ? ['- read_only=true'] : []),
      `- chars_current=${block.value.length}`,
      `- chars_limit=${block.limit}`,
    ]
    return [
      `<${block.label}>`,
      '<description>',
      block.description ?? '',
      '</description>',
      '<metadata>',
      ...metadata,
      '</metadata>',
      '<value>',
      block.value,
      '</value>',
      `</${block.label}>`,
    ].join('\n')
  })
  return [
    '<memory_blocks>',
    'The following memory blocks are currently engaged in your core memory unit:',
    '',
    rendered.join('\n\n'),
    '',
    '</memory_blocks>',
  ].join('\n')
}

function compileSources(sources: readonly Source[]): string {
  if (!sources.length) return ''
  const entries = sources.map((source) =>
    [
      `<directory name="${source.name}">`,
      ...(source.description ? [`<description>${source.description}</description>`] : []),
      ...(source.instructions ? [`<instructions>${source.instructions}</instructions>`] : []),
      '</directory>',
    ].join('\n'),
  )
  return `\n\n<directories>\nSearch these with archival_memory_search.\n${entries.join('\n')}\n</directories>`
}

export interface SystemPromptContext {
  agentId: string
  system: string
  blocks: readonly Block[]
  sources: readonly Source[]
  /** Stored messages not sent to the model (message_buffer_autoclear). */
  previousMessageCount: number
  now: Date
}

/** The agent's system prompt with its memory in place of {CORE_MEMORY} (appended when absent). */
export function compileSystemPrompt(context: SystemPromptContext): string {
  const template = context.system.includes(CORE_MEMORY)
    ? context.system
    : `${context.system}\n\n${CORE_MEMORY}`
  const metadata = [
    '<memory_metadata>',
    `- AGENT_ID: ${context.agentId}`,
    '- CONVERSATION_ID: default',
    `- System prompt last recompiled: ${context.now
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC')}`,
    `- ${context.previousMessageCount} previous messages between you and the user are stored in recall memory`,
    '</memory_metadata>',
  ].join('\n')
  const memory = `${compileBlocks(context.blocks)}${compileSources(context.sources)}\n\n${metadata}`
  return template.split(CORE_MEMORY).join(memory)
}

/** A memory edit the model asked for that cannot be done: its message goes back to the model. */
export class MemoryEditError extends Error {}

/** The value a memory tool leaves in the block; throws MemoryEditError with what to fix. */
export function editBlockValue(tool: string, block: Block, args: Record<string, unknown>): string {
  if (block.read_only) {
    throw new MemoryEditError(`The block "${block.label}" is read-only and cannot be edited.`)
  }
  const text = (name: string): string => {
    const value = args[name]
    if (typeof value !== 'string')
      throw new MemoryEditError(`${tool} needs a text argument "${name}".`)
    return value
  }
  let next: string
  switch (tool) {
    case 'core_memory_append':
      next = block.value ? `${block.value}\n${text('content')}` : text('content')
      break
    case 'core_memory_replace': {
      const old = text('old_content')
      if (!old || !block.value.includes(old)) {
        throw new MemoryEditError(`The text "${old}" is not in the block "${block.label}".`)
      }
      next = block.value.split(old).join(text('new_content'))
      break
    }
    case 'memory_replace': {
      const old = text('old_string')
      const occurrences = old ? block.value.split(old).length - 1 : 0
      if (occurrences !== 1) {
        throw new MemoryEditError(
          occurrences === 0
            ? `The text "${old}" is not in the block "${block.label}": copy it exactly as the block holds it.`
            : `The text "${old}" appears ${occurrences} times in the block "${block.label}": include more of it so it is unique.`,
        )
      }
      next = block.value.replace(old, () => text('new_string'))
      break
    }
    case 'memory_insert': {
      const insert = text('new_string')
      const lines = block.value ? block.value.split('\n') : []
      const at = args.insert_line === undefined ? -1 : Number(args.insert_line)
      if (!Number.isInteger(at) || at < -1 || at > lines.length) {
        throw new MemoryEditError(
          `insert_line must be -1 (the end) or a line number from 0 to ${lines.length}.`,
        )
      }
      lines.splice(at === -1 ? lines.length : at, 0, insert)
      next = lines.join('\n')
      break
    }
    default:
      throw new MemoryEditError(`${tool} is not a memory tool.`)
  }
  if (next.length > block.limit) {
    throw new MemoryEditError(
      `Edit failed: the block "${block.label}" would hold ${next.length} characters, over its limit of ${block.limit}. ` +
        'Shorten the text, or replace or remove something first.',
    )
  }
  return next
}

export const MEMORY_TOOLS = new Set([
  'core_memory_append',
  'core_memory_replace',
  'memory_replace',
  'memory_insert',
])
