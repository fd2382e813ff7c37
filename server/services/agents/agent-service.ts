import { randomUUID } from 'node:crypto'

import { HttpError, notFound } from '../../http/errors.ts'
import {
  AgentsRepository,
  type AgentFields,
  type AgentFilters,
  type AgentRecord,
  type AgentType,
} from '../../storage/agents-repository.ts'
import { BlocksRepository, type Block, type BlockFields } from '../../storage/blocks-repository.ts'
import type { Db } from '../../storage/db.ts'
import { MessagesRepository } from '../../storage/messages-repository.ts'
import type { CursorParams } from '../../storage/pagination.ts'
import type { EmbeddingConfig } from '../../storage/sources-repository.ts'
import { isUniqueViolation } from '../../storage/sql.ts'
import type { Tool } from '../../storage/tools-repository.ts'
import { EmbeddingConfigError, type EmbeddingCatalog } from '../embedding/models.ts'
import type { SourceService, SourceWithCount } from '../sources.ts'
import type { ToolService } from '../tools/tool-service.ts'
import { baseToolNames, defaultSystemPrompt } from './defaults.ts'
import {
  toLlmConfig,
  UnknownModelError,
  unsetLlmConfig,
  type LlmCatalog,
  type LlmConfig,
} from './llm-models.ts'
import { pageOf } from './paging.ts'

export const DEFAULT_BLOCK_LIMIT = 100_000

/** Letta's AgentState: the agent with its memory, tools and sources. */
export interface AgentState extends Omit<AgentRecord, 'tool_rules'> {
  tool_rules: unknown[] | null
  message_ids: string[] | null
  memory: {
    agent_type: AgentType
    blocks: Block[]
    file_blocks: []
    prompt_template: string
    git_enabled: boolean
  }
  blocks: Block[]
  tools: Tool[]
  sources: SourceWithCount[]
  tool_exec_environment_variables: []
  secrets: []
  identity_ids: []
  identities: []
  model_settings: null
  compaction_settings: null
  response_format: null
  pending_approval: null
  enable_sleeptime: null
  multi_agent_group: null
  managed_group: null
  max_files_open: null
  per_file_view_window_char_limit: null
  hidden: null
}

export interface BlockInput {
  label: string
  value: string
  limit?: number | null | undefined
  description?: string | null | undefined
  read_only?: boolean | null | undefined
  hidden?: boolean | null | undefined
  metadata?: Record<string, unknown> | null | undefined
  tags?: string[] | null | undefined
  project_id?: string | null | undefined
  is_template?: boolean | null | undefined
  template_name?: string | null | undefined
  template_id?: string | null | undefined
  base_template_id?: string | null | undefined
  deployment_id?: string | null | undefined
  entity_id?: string | null | undefined
  preserve_on_migration?: boolean | null | undefined
}

export type BlockPatch = Partial<{ [K in keyof BlockInput]: BlockInput[K] | null }>

export interface InitialMessage {
  role: 'user' | 'system' | 'assistant'
  content: string | { type: 'text'; text: string }[]
  name?: string | null | undefined
  otid?: string | null | undefined
  sender_id?: string | null | undefined
}

interface AgentCommonInput {
  name?: string | null | undefined
  system?: string | null | undefined
  description?: string | null | undefined
  model?: string | null | undefined
  llm_config?: { model: string; handle?: string | null | undefined } | null | undefined
  context_window_limit?: number | null | undefined
  embedding?: string | null | undefined
  embedding_config?: Partial<EmbeddingConfig> | null | undefined
  metadata?: Record<string, unknown> | null | undefined
  tags?: string[] | null | undefined
  tool_ids?: string[] | null | undefined
  folder_ids?: string[] | null | undefined
  source_ids?: string[] | null | undefined
  message_buffer_autoclear?: boolean | null | undefined
  timezone?: string | null | undefined
  project_id?: string | null | undefined
  template_id?: string | null | undefined
  base_template_id?: string | null | undefined
  deployment_id?: string | null | undefined
  entity_id?: string | null | undefined
}

export interface AgentCreateInput extends AgentCommonInput {
  agent_type?: AgentType | null | undefined
  memory_blocks?: BlockInput[] | null | undefined
  tools?: string[] | null | undefined
  include_base_tools?: boolean | null | undefined
  initial_message_sequence?: InitialMessage[] | null | undefined
}

export type AgentUpdateInput = AgentCommonInput

export const blockOverLimit = (label: string, length: number, limit: number) =>
  new HttpError(
    400,
    `Block "${label}" would hold ${length} characters, over its limit of ${limit}: shorten the value or raise the limit`,
  )

/** Agents: their settings, core memory, and the tools and sources attached to them. */
export class AgentService {
  readonly agents: AgentsRepository
  readonly blocks: BlocksRepository
  readonly messages: MessagesRepository

  constructor(
    db: Db,
    private readonly tools: ToolService,
    private readonly sources: SourceService,
    readonly models: LlmCatalog,
    private readonly embeddings: EmbeddingCatalog,
  ) {
    this.agents = new AgentsRepository(db)
    this.blocks = new BlocksRepository(db)
    this.messages = new MessagesRepository(db)
    this.transaction = (work) => db.transaction(work)()
  }

  private readonly transaction: <T>(work: () => T) => T

  list(filters: AgentFilters, cursor: CursorParams): AgentState[] {
    return this.agents.list(filters, cursor).map((record) => this.toState(record))
  }

  count(filters: AgentFilters): number {
    return this.agents.count(filters)
  }

  record(id: string): AgentRecord {
    const record = this.agents.get(id)
    if (!record) throw notFound('Agent', id)
    return record
  }

  get(id: string): AgentState {
    return this.toState(this.record(id))
  }

  create(input: AgentCreateInput): AgentState {
    const agentType = input.agent_type ?? 'letta_v1_agent'
    const { model, llmConfig } = this.resolveModel(input, undefined)
    const embeddingConfig = this.resolveEmbedding(input, undefined)
    const blocks = (input.memory_blocks ?? []).map((block) => this.blockFields(block))
    const labels = new Set<string>()
    for (const block of blocks) {
      if (labels.has(block.label)) {
        throw new HttpError(
          400,
          `Two memory blocks are labelled "${block.label}": labels must be unique`,
        )
      }
      labels.add(block.label)
    }
    const toolIds = this.toolIdsFor(input, agentType)
    const sourceIds = this.sourceIdsFor(input) ?? []
    const fields: AgentFields = {
      name: input.name?.trim() || `agent-${randomUUID().slice(0, 8)}`,
      system: input.system ?? defaultSystemPrompt(agentType),
      agent_type: agentType,
      description: input.description ?? null,
      model,
      llm_config: llmConfig,
      embedding: embeddingConfig.handle,
      embedding_config: embeddingConfig,
      metadata: input.metadata ?? null,
      tool_rules: null,
      tags: uniqueTags(input.tags ?? []),
      message_buffer_autoclear: input.message_buffer_autoclear ?? false,
      timezone: input.timezone ?? null,
      project_id: input.project_id ?? null,
      template_id: input.template_id ?? null,
      base_template_id: input.base_template_id ?? null,
      deployment_id: input.deployment_id ?? null,
      entity_id: input.entity_id ?? null,
    }
    const record = this.transaction(() => {
      const created = this.agents.insert(fields)
      for (const block of blocks) this.blocks.insert(created.id, block)
      for (const toolId of toolIds) this.agents.attachTool(created.id, toolId)
      for (const sourceId of sourceIds) this.agents.attachSource(created.id, sourceId)
      this.storeInitialMessages(created.id, input.initial_message_sequence ?? [])
      return created
    })
    return this.toState(record)
  }

  update(id: string, input: AgentUpdateInput): AgentState {
    const current = this.record(id)
    const { model, llmConfig } = this.resolveModel(input, current)
    const embeddingConfig = this.resolveEmbedding(input, current)
    const toolIds = input.tool_ids ? this.existingToolIds(input.tool_ids) : undefined
    const sourceIds = this.sourceIdsFor(input)
    const name = input.name === undefined || input.name === null ? current.name : input.name.trim()
    if (!name) throw new HttpError(400, 'The agent name cannot be empty')
    const fields: AgentFields = {
      name,
      system: input.system ?? current.system,
      agent_type: current.agent_type,
      description: input.description === undefined ? current.description : input.description,
      model,
      llm_config: llmConfig,
      embedding: embeddingConfig?.handle ?? current.embedding,
      embedding_config: embeddingConfig ?? current.embedding_config,
      metadata: input.metadata === undefined ? current.metadata : input.metadata,
      tool_rules: current.tool_rules,
      tags: input.tags ? uniqueTags(input.tags) : current.tags,
      message_buffer_autoclear: input.message_buffer_autoclear ?? current.message_buffer_autoclear,
      timezone: input.timezone === undefined ? current.timezone : input.timezone,
      project_id: pick(input.project_id, current.project_id),
      template_id: pick(input.template_id, current.template_id),
      base_template_id: pick(input.base_template_id, current.base_template_id),
      deployment_id: pick(input.deployment_id, current.deployment_id),
      entity_id: pick(input.entity_id, current.entity_id),
    }
    this.transaction(() => {
      this.agents.update(id, fields)
      if (toolIds) {
        for (const toolId of this.agents.toolIds(id)) this.agents.detachTool(id, toolId)
        for (const toolId of toolIds) this.agents.attachTool(id, toolId)
      }
      if (sourceIds) {
        for (const sourceId of this.agents.sourceIds(id)) this.agents.detachSource(id, sourceId)
        for (const sourceId of sourceIds) this.agents.attachSource(id, sourceId)
      }
    })
    return this.get(id)
  }

  delete(id: string): void {
    if (!this.agents.delete(id)) throw notFound('Agent', id)
  }

  // Core memory

  listBlocks(agentId: string, cursor: CursorParams): Block[] {
    this.record(agentId)
    return pageOf(this.blocks.forAgent(agentId), cursor, { defaultLimit: 100, defaultOrder: 'asc' })
  }

  getBlock(agentId: string, label: string): Block {
    this.record(agentId)
    const block = this.blocks.byLabel(agentId, label)
    if (!block) throw new HttpError(404, `Agent ${agentId} has no memory block labelled "${label}"`)
    return block
  }

  updateBlock(agentId: string, label: string, patch: BlockPatch): Block {
    const block = this.getBlock(agentId, label)
    const next: BlockFields = {
      ...block,
      value: patch.value ?? block.value,
      limit: patch.limit ?? block.limit,
      label: patch.label ?? block.label,
      description: patch.description === undefined ? block.description : patch.description,
      read_only: patch.read_only ?? block.read_only,
      hidden: patch.hidden === undefined ? block.hidden : patch.hidden,
      metadata: patch.metadata ?? block.metadata,
      tags: patch.tags ?? block.tags,
      project_id: pick(patch.project_id, block.project_id),
      is_template: patch.is_template ?? block.is_template,
      template_name: pick(patch.template_name, block.template_name),
      template_id: pick(patch.template_id, block.template_id),
      base_template_id: pick(patch.base_template_id, block.base_template_id),
      deployment_id: pick(patch.deployment_id, block.deployment_id),
      entity_id: pick(patch.entity_id, block.entity_id),
      preserve_on_migration: patch.preserve_on_migration ?? block.preserve_on_migration,
    }
    if (next.value.length > next.limit)
      throw blockOverLimit(next.label, next.value.length, next.limit)
    if (!next.label.trim()) throw new HttpError(400, 'A memory block label cannot be empty')
    try {
      return this.blocks.update(block.id, next) as Block
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new HttpError(
          409,
          `Agent ${agentId} already has a memory block labelled "${next.label}"`,
        )
      }
      throw error
    }
  }

  // Attachments

  listTools(agentId: string, cursor: CursorParams): Tool[] {
    this.record(agentId)
    return pageOf(this.toolsOf(agentId), cursor, { defaultLimit: 50, defaultOrder: 'asc' })
  }

  attachTool(agentId: string, toolId: string): AgentState {
    this.record(agentId)
    this.tools.get(toolId)
    this.agents.attachTool(agentId, toolId)
    return this.get(agentId)
  }

  detachTool(agentId: string, toolId: string): AgentState {
    this.record(agentId)
    this.tools.get(toolId)
    this.agents.detachTool(agentId, toolId)
    return this.get(agentId)
  }

  listSources(agentId: string, cursor: CursorParams): SourceWithCount[] {
    this.record(agentId)
    return pageOf(this.sourcesOf(agentId), cursor, { defaultLimit: 50, defaultOrder: 'asc' })
  }

  attachSource(agentId: string, sourceId: string): AgentState {
    this.record(agentId)
    this.sources.get(sourceId)
    this.agents.attachSource(agentId, sourceId)
    return this.get(agentId)
  }

  detachSource(agentId: string, sourceId: string): AgentState {
    this.record(agentId)
    this.sources.get(sourceId)
    this.agents.detachSource(agentId, sourceId)
    return this.get(agentId)
  }

  /** The agent's tools in attach order. */
  toolsOf(agentId: string): Tool[] {
    return this.agents.toolIds(agentId).map((id) => this.tools.get(id))
  }

  sourcesOf(agentId: string): SourceWithCount[] {
    return this.agents.sourceIds(agentId).map((id) => this.sources.get(id))
  }

  toState(record: AgentRecord): AgentState {
    const blocks = this.blocks.forAgent(record.id)
    return {
      ...record,
      message_ids: null,
      memory: {
        agent_type: record.agent_type,
        blocks,
        file_blocks: [],
        prompt_template: '',
        git_enabled: false,
      },
      blocks,
      tools: this.toolsOf(record.id),
      sources: this.sourcesOf(record.id),
      tool_exec_environment_variables: [],
      secrets: [],
      identity_ids: [],
      identities: [],
      model_settings: null,
      compaction_settings: null,
      response_format: null,
      pending_approval: null,
      enable_sleeptime: null,
      multi_agent_group: null,
      managed_group: null,
      max_files_open: null,
      per_file_view_window_char_limit: null,
      hidden: null,
    }
  }

  private resolveModel(
    input: AgentCommonInput,
    current: AgentRecord | undefined,
  ): { model: string | null; llmConfig: LlmConfig } {
    const handle = input.model ?? input.llm_config?.handle ?? input.llm_config?.model
    let model: string | null
    let llmConfig: LlmConfig
    if (handle) {
      try {
        llmConfig = this.models.configFor(handle)
      } catch (error) {
        if (error instanceof UnknownModelError) throw new HttpError(400, error.message)
        throw error
      }
      model = llmConfig.handle
    } else if (current) {
      model = current.model
      llmConfig = current.llm_config
    } else {
      const fallback = this.models.defaultModel()
      model = fallback?.handle ?? null
      llmConfig = fallback ? toLlmConfig(fallback) : unsetLlmConfig()
    }
    if (input.context_window_limit) {
      llmConfig = { ...llmConfig, context_window: input.context_window_limit }
    }
    return { model, llmConfig }
  }

  private resolveEmbedding(
    input: AgentCommonInput,
    current: AgentRecord,
  ): EmbeddingConfig | undefined
  private resolveEmbedding(input: AgentCommonInput, current: undefined): EmbeddingConfig
  private resolveEmbedding(
    input: AgentCommonInput,
    current: AgentRecord | undefined,
  ): EmbeddingConfig | undefined {
    if (current && !input.embedding && !input.embedding_config) return undefined
    try {
      return this.embeddings.forNewSource({
        embedding: input.embedding,
        embedding_config: input.embedding_config,
      })
    } catch (error) {
      if (error instanceof EmbeddingConfigError) throw new HttpError(400, error.message)
      throw error
    }
  }

  private blockFields(input: BlockInput): BlockFields {
    const limit = input.limit ?? DEFAULT_BLOCK_LIMIT
    const label = input.label.trim()
    if (!label) throw new HttpError(400, 'A memory block label cannot be empty')
    if (input.value.length > limit) throw blockOverLimit(label, input.value.length, limit)
    return {
      label,
      value: input.value,
      limit,
      description: input.description ?? null,
      read_only: input.read_only ?? false,
      hidden: input.hidden ?? null,
      metadata: input.metadata ?? {},
      tags: input.tags ?? [],
      project_id: input.project_id ?? null,
      is_template: input.is_template ?? false,
      template_name: input.template_name ?? null,
      template_id: input.template_id ?? null,
      base_template_id: input.base_template_id ?? null,
      deployment_id: input.deployment_id ?? null,
      entity_id: input.entity_id ?? null,
      preserve_on_migration: input.preserve_on_migration ?? false,
    }
  }

  private toolIdsFor(input: AgentCreateInput, agentType: AgentType): string[] {
    const ids = this.existingToolIds(input.tool_ids ?? [])
    const names = [...(input.tools ?? [])]
    if (input.include_base_tools ?? true) names.push(...baseToolNames(agentType))
    if (
      input.include_base_tools !== false &&
      (input.folder_ids?.length || input.source_ids?.length)
    ) {
      names.push('archival_memory_search')
    }
    for (const name of names) {
      const found = this.tools.list({ name }, { limit: 1 })[0]
      if (!found) throw new HttpError(404, `No tool is named "${name}"`)
      ids.push(found.id)
    }
    return [...new Set(ids)]
  }

  private existingToolIds(ids: readonly string[]): string[] {
    for (const id of ids) this.tools.get(id)
    return [...new Set(ids)]
  }

  private sourceIdsFor(input: AgentCommonInput): string[] | undefined {
    if (!input.folder_ids && !input.source_ids) return undefined
    const ids = [...new Set([...(input.folder_ids ?? []), ...(input.source_ids ?? [])])]
    for (const id of ids) this.sources.get(id)
    return ids
  }

  private storeInitialMessages(agentId: string, messages: readonly InitialMessage[]): void {
    this.messages.insertMany(
      messages.map((message) => ({
        id: `message-${randomUUID()}`,
        agent_id: agentId,
        role: message.role,
        content:
          typeof message.content === 'string'
            ? [{ type: 'text' as const, text: message.content }]
            : message.content.map((part) => ({ type: 'text' as const, text: part.text })),
        name: message.name ?? null,
        tool_calls: null,
        tool_call_id: null,
        tool_returns: null,
        model: null,
        step_id: null,
        run_id: null,
        otid: message.otid ?? null,
        sender_id: message.sender_id ?? null,
        group_id: null,
        batch_item_id: null,
        is_err: false,
      })),
    )
  }
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]
}

/** A patch value: undefined keeps the current one, null clears it. */
function pick<T>(value: T | null | undefined, current: T | null): T | null {
  return value === undefined ? current : value
}
