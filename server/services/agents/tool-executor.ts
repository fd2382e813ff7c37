import { HttpError } from '../../http/errors.ts'
import type { AgentRecord } from '../../storage/agents-repository.ts'
import type { ContentPart } from '../../storage/messages-repository.ts'
import type { Tool } from '../../storage/tools-repository.ts'
import type { SourceService } from '../sources.ts'
import { DEFAULT_RETURN_CHAR_LIMIT } from '../tools/tool-fields.ts'
import type { ToolService } from '../tools/tool-service.ts'
import type { AgentService } from './agent-service.ts'
import { editBlockValue, MEMORY_TOOLS, MemoryEditError } from './memory.ts'

export interface ToolOutcome {
  status: 'success' | 'error'
  /** What the model is told. */
  message: string
  stdout: string[] | null
  stderr: string[] | null
}

// Letta's cap on the error text of a tool that raised.
const ERROR_MESSAGE_CHARS = 1000
const DEFAULT_SEARCH_RESULTS = 10
const MAX_SEARCH_RESULTS = 50

const ok = (message: string): ToolOutcome => ({
  status: 'success',
  message,
  stdout: null,
  stderr: null,
})
const failed = (message: string): ToolOutcome => ({
  status: 'error',
  message: message.slice(0, ERROR_MESSAGE_CHARS),
  stdout: null,
  stderr: null,
})

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0
  let normA = 0
  let normB = 0
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a[i] as number
    const y = b[i] as number
    dot += x * y
    normA += x * x
    normB += y * y
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0
}

const textOf = (content: readonly ContentPart[]) =>
  content.map((part) => (part.type === 'text' ? part.text : part.reasoning)).join('\n')

/** Runs the tools an agent's model calls: memory edits in process, custom Python through the runner. */
export class ToolExecutor {
  constructor(
    private readonly agents: AgentService,
    private readonly tools: ToolService,
    private readonly sources: SourceService,
  ) {}

  async execute(
    agent: AgentRecord,
    tool: Tool,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutcome> {
    try {
      if (MEMORY_TOOLS.has(tool.name)) return this.editMemory(agent, tool.name, args)
      switch (tool.name) {
        case 'send_message':
          return ok('Sent message successfully.')
        case 'conversation_search':
          return this.searchConversation(agent, args)
        case 'archival_memory_search':
          return await this.searchPassages(agent, args, signal)
        case 'archival_memory_insert':
          return failed(
            'This server keeps no archival memory of its own: the agent searches the files of its attached folders instead.',
          )
      }
      if (tool.tool_type !== 'custom') {
        return failed(`${tool.name} is a built-in Letta tool that this server does not run.`)
      }
      return await this.runCustom(tool, args, signal)
    } catch (error) {
      if (signal.aborted) throw signal.reason
      if (error instanceof MemoryEditError) return failed(error.message)
      if (error instanceof HttpError) return failed(error.detail)
      const name = error instanceof Error ? error.name : 'Error'
      const message = error instanceof Error ? error.message : String(error)
      return failed(`Error executing function ${tool.name}: ${name}: ${message}`)
    }
  }

  private editMemory(
    agent: AgentRecord,
    toolName: string,
    args: Record<string, unknown>,
  ): ToolOutcome {
    const label = args.label
    if (typeof label !== 'string') return failed(`${toolName} needs the label of a memory block.`)
    const block = this.agents.blocks.byLabel(agent.id, label)
    if (!block) {
      const labels = this.agents.blocks.forAgent(agent.id).map((b) => b.label)
      return failed(
        `No memory block is labelled "${label}". The blocks are: ${labels.join(', ') || '(none)'}.`,
      )
    }
    const value = editBlockValue(toolName, block, args)
    this.agents.blocks.setValue(block.id, value)
    return ok(value)
  }

  private searchConversation(agent: AgentRecord, args: Record<string, unknown>): ToolOutcome {
    const query = typeof args.query === 'string' ? args.query.toLowerCase() : ''
    const roles = Array.isArray(args.roles) ? args.roles.map(String) : undefined
    const limit = Math.min(Number(args.limit) || DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS)
    const start = typeof args.start_date === 'string' ? args.start_date : undefined
    const end = typeof args.end_date === 'string' ? args.end_date : undefined
    const endBound = end && /^\d{4}-\d{2}-\d{2}$/.test(end) ? `${end}T23:59:59.999Z` : end
    const matches = this.agents.messages
      .allForAgent(agent.id)
      .filter((message) => message.role !== 'system')
      .filter((message) => !roles || roles.includes(message.role))
      .filter(
        (message) =>
          (!start || message.created_at >= start) && (!endBound || message.created_at <= endBound),
      )
      .map((message) => ({ message, text: textOf(message.content) }))
      .filter(({ text }) => text && (!query || text.toLowerCase().includes(query)))
      .slice(-limit)
      .map(({ message, text }) => ({
        timestamp: message.created_at,
        role: message.role,
        content: text,
      }))
    if (!matches.length) return ok('No messages matched.')
    return ok(JSON.stringify(matches))
  }

  private async searchPassages(
    agent: AgentRecord,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutcome> {
    const query = args.query
    if (typeof query !== 'string' || !query.trim())
      return failed('archival_memory_search needs a query.')
    const topK = Math.min(Number(args.top_k) || DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS)
    const sources = this.agents.agents.sourceIds(agent.id).map((id) => this.sources.get(id))
    if (!sources.length)
      return ok('No folders are attached to this agent, so there is nothing to search.')
    const scored: { score: number; text: string; file: string | null; created_at: string }[] = []
    for (const source of sources) {
      const embedder = this.sources.embeddings.embedderFor(source.embedding_config)
      if (!embedder) {
        return failed(
          `The folder "${source.name}" was embedded with a model this server no longer offers.`,
        )
      }
      const [vector] = await embedder.embed([query], signal)
      if (!vector) continue
      for (const passage of this.sources.passages.forSources([source.id])) {
        scored.push({
          score: cosine(vector, passage.embedding),
          text: passage.text,
          file: passage.file_name,
          created_at: passage.created_at,
        })
      }
    }
    const results = scored
      .sort((a, b) => b.score - a.score)
      .slice(0, topK)
      .map(({ text, file, created_at }) => ({ timestamp: created_at, file, content: text }))
    if (!results.length) return ok('The attached folders hold no passages yet.')
    return ok(JSON.stringify(results))
  }

  private async runCustom(
    tool: Tool,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutcome> {
    if (!tool.source_code) return failed(`The tool ${tool.name} has no source code to run.`)
    const outcome = await this.tools.run(
      {
        source_code: tool.source_code,
        source_type: tool.source_type,
        args,
        name: tool.name,
        json_schema: tool.json_schema,
        return_char_limit: tool.return_char_limit || DEFAULT_RETURN_CHAR_LIMIT,
      },
      signal,
    )
    return {
      status: outcome.status,
      message:
        outcome.status === 'error'
          ? `Error executing function ${tool.name}: ${outcome.toolReturn}`.slice(
              0,
              ERROR_MESSAGE_CHARS,
            )
          : outcome.toolReturn,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
    }
  }
}
