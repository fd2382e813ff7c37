import { z } from '@hono/zod-openapi'

import { AGENT_TYPES } from '../../storage/agents-repository.ts'
import { STOP_REASONS } from '../../storage/runs-repository.ts'
import { exampleId, idParam, QueryBoolean, splitQueryList } from './common.ts'
import { EmbeddingConfigInputSchema, EmbeddingConfigSchema, SourceSchema } from './source.ts'
import { ToolSchema } from './tool.ts'

/** Bounds on what clients send: ids, names, free text, and lists of them. */
export const MAX_ID = 100
export const MAX_NAME = 255
export const MAX_TEXT = 100_000
export const MAX_BLOCK_CHARS = 1_000_000
export const MAX_LIST = 100

const id = z.string().max(MAX_ID)
const nullableString = z.string().nullable()
const Metadata = z.record(z.string().max(MAX_NAME), z.unknown())
const idList = z.array(id).max(MAX_LIST)

export const AgentTypeSchema = z.enum(AGENT_TYPES).openapi('AgentType')
export const StopReasonTypeSchema = z.enum(STOP_REASONS).openapi('StopReasonType')

export const LlmConfigSchema = z
  .object({
    model: z.string(),
    display_name: nullableString,
    model_endpoint_type: z.string(),
    model_endpoint: nullableString,
    provider_name: nullableString,
    provider_category: z.enum(['base', 'byok']).nullable(),
    model_wrapper: nullableString,
    context_window: z.number().int(),
    put_inner_thoughts_in_kwargs: z.boolean().nullable(),
    handle: nullableString,
    temperature: z.number(),
    max_tokens: z.number().int().nullable(),
    enable_reasoner: z.boolean(),
    reasoning_effort: nullableString,
    max_reasoning_tokens: z.number().int(),
    frequency_penalty: z.number().nullable(),
    parallel_tool_calls: z.boolean().nullable(),
    strict: z.boolean(),
  })
  .openapi('LLMConfig')

export const ModelSchema = LlmConfigSchema.extend({
  handle: z.string().openapi({ example: 'openai/gpt-4o-mini' }),
  name: z.string(),
  display_name: z.string(),
  provider_type: z.string(),
  provider_name: z.string(),
  model_type: z.literal('llm'),
  max_context_window: z.number().int(),
  effort: z.enum(['low', 'medium', 'high', 'max']).nullable(),
  compatibility_type: z.enum(['gguf', 'mlx']).nullable(),
  verbosity: z.enum(['low', 'medium', 'high']).nullable(),
  tier: z.string().nullable(),
  response_format: z.record(z.string(), z.unknown()).nullable(),
  return_logprobs: z.boolean(),
  top_logprobs: z.number().int().nullable(),
  return_token_ids: z.boolean(),
  tool_call_parser: z.string().nullable(),
}).openapi('Model')

export const ModelListQuerySchema = z.object({
  provider_name: z.string().max(MAX_NAME).optional(),
  provider_type: z.string().max(MAX_NAME).optional(),
  provider_category: z
    .union([z.string().max(MAX_NAME), z.array(z.string().max(MAX_NAME)).max(10)])
    .optional()
    .transform(splitQueryList),
})

export const BlockSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('block') }),
    label: z.string(),
    value: z.string(),
    limit: z.number().int(),
    description: nullableString,
    read_only: z.boolean(),
    hidden: z.boolean().nullable(),
    metadata: Metadata,
    tags: z.array(z.string()),
    project_id: nullableString,
    is_template: z.boolean(),
    template_name: nullableString,
    template_id: nullableString,
    base_template_id: nullableString,
    deployment_id: nullableString,
    entity_id: nullableString,
    preserve_on_migration: z.boolean(),
    created_by_id: nullableString,
    last_updated_by_id: nullableString,
  })
  .openapi('Block')

const blockWritable = {
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_BLOCK_CHARS)
    .nullable()
    .optional()
    .openapi({ description: 'Most characters the value may hold (100000 by default)' }),
  description: z.string().max(MAX_TEXT).nullable().optional(),
  read_only: z
    .boolean()
    .nullable()
    .optional()
    .openapi({ description: "The agent's memory tools cannot edit it" }),
  hidden: z.boolean().nullable().optional(),
  metadata: Metadata.nullable().optional(),
  tags: z.array(z.string().max(MAX_NAME)).max(MAX_LIST).nullable().optional(),
  project_id: id.nullable().optional(),
  is_template: z.boolean().nullable().optional(),
  template_name: z.string().max(MAX_NAME).nullable().optional(),
  template_id: id.nullable().optional(),
  base_template_id: id.nullable().optional(),
  deployment_id: id.nullable().optional(),
  entity_id: id.nullable().optional(),
  preserve_on_migration: z.boolean().nullable().optional(),
}

export const CreateBlockSchema = z
  .object({
    label: z.string().min(1).max(MAX_NAME).openapi({ example: 'human' }),
    value: z.string().max(MAX_BLOCK_CHARS),
    ...blockWritable,
  })
  .openapi('CreateBlock')

export const BlockUpdateSchema = z
  .object({
    label: z.string().min(1).max(MAX_NAME).nullable().optional(),
    value: z.string().max(MAX_BLOCK_CHARS).nullable().optional(),
    ...blockWritable,
  })
  .openapi('BlockUpdate')

export const MemorySchema = z
  .object({
    agent_type: AgentTypeSchema,
    blocks: z.array(BlockSchema),
    file_blocks: z.array(z.unknown()),
    prompt_template: z.string(),
    git_enabled: z.boolean(),
  })
  .openapi('Memory')

export const AgentStateSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('agent') }),
    name: z.string(),
    system: z.string(),
    agent_type: AgentTypeSchema,
    description: nullableString,
    metadata: Metadata.nullable(),
    tags: z.array(z.string()),
    model: nullableString.openapi({ description: 'The model handle, `<provider>/<model>`' }),
    embedding: nullableString,
    llm_config: LlmConfigSchema,
    embedding_config: EmbeddingConfigSchema.nullable(),
    model_settings: z.null(),
    compaction_settings: z.null(),
    response_format: z.null(),
    memory: MemorySchema,
    blocks: z.array(BlockSchema),
    tools: z.array(ToolSchema),
    sources: z.array(SourceSchema),
    tool_rules: z.array(z.unknown()).nullable(),
    message_ids: z.array(z.string()).nullable(),
    tool_exec_environment_variables: z.array(z.unknown()),
    secrets: z.array(z.unknown()),
    identity_ids: z.array(z.unknown()),
    identities: z.array(z.unknown()),
    message_buffer_autoclear: z.boolean(),
    timezone: nullableString,
    project_id: nullableString,
    template_id: nullableString,
    base_template_id: nullableString,
    deployment_id: nullableString,
    entity_id: nullableString,
    pending_approval: z.null(),
    enable_sleeptime: z.null(),
    multi_agent_group: z.null(),
    managed_group: z.null(),
    max_files_open: z.null(),
    per_file_view_window_char_limit: z.null(),
    hidden: z.null(),
    last_run_completion: nullableString.openapi({ description: 'When the latest run ended' }),
    last_run_duration_ms: z.number().int().nullable(),
    last_stop_reason: StopReasonTypeSchema.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    created_by_id: nullableString,
    last_updated_by_id: nullableString,
  })
  .openapi('AgentState')

export const TextContentSchema = z
  .object({ type: z.literal('text'), text: z.string().max(MAX_TEXT) })
  .openapi('TextContent')

export const MessageRoleSchema = z
  .enum(['user', 'system', 'assistant'])
  .openapi('MessageCreateRole')

const InitialMessageSchema = z
  .object({
    role: MessageRoleSchema,
    content: z.union([z.string().max(MAX_TEXT), z.array(TextContentSchema).max(MAX_LIST)]),
    name: z.string().max(MAX_NAME).nullable().optional(),
    otid: z.string().max(MAX_ID).nullable().optional(),
    sender_id: z.string().max(MAX_ID).nullable().optional(),
  })
  .openapi('InitialMessage')

const agentWritable = {
  name: z.string().max(MAX_NAME).nullable().optional(),
  system: z.string().max(MAX_TEXT).nullable().optional().openapi({
    description:
      'The system prompt; {CORE_MEMORY} marks where the memory blocks go (appended when absent)',
  }),
  description: z.string().max(MAX_TEXT).nullable().optional(),
  model: z.string().max(MAX_NAME).nullable().optional().openapi({
    description: 'A model handle from GET /v1/models/; the first model there by default',
    example: 'openai/gpt-4o-mini',
  }),
  llm_config: z
    .object({
      model: z.string().max(MAX_NAME),
      handle: z.string().max(MAX_NAME).nullable().optional(),
    })
    .passthrough()
    .nullable()
    .optional()
    .openapi({
      description: 'Deprecated: use model. Its handle (or model) must name a served model',
    }),
  context_window_limit: z.number().int().min(1).max(10_000_000).nullable().optional(),
  embedding: z.string().max(MAX_NAME).nullable().optional().openapi({
    description: 'An embedding handle from GET /v1/models/embedding',
  }),
  embedding_config: EmbeddingConfigInputSchema.nullable().optional(),
  metadata: Metadata.nullable().optional(),
  tags: z.array(z.string().max(MAX_NAME)).max(MAX_LIST).nullable().optional(),
  tool_ids: idList.nullable().optional(),
  folder_ids: idList.nullable().optional(),
  source_ids: idList.nullable().optional().openapi({ description: 'Deprecated: use folder_ids' }),
  message_buffer_autoclear: z.boolean().nullable().optional(),
  timezone: z.string().max(64).nullable().optional(),
  project_id: id.nullable().optional(),
  template_id: id.nullable().optional(),
  base_template_id: id.nullable().optional(),
  deployment_id: id.nullable().optional(),
  entity_id: id.nullable().optional(),
}

export const CreateAgentSchema = z
  .object({
    ...agentWritable,
    agent_type: AgentTypeSchema.nullable()
      .optional()
      .openapi({ description: 'letta_v1_agent by default' }),
    memory_blocks: z.array(CreateBlockSchema).max(MAX_LIST).nullable().optional(),
    tools: z
      .array(z.string().max(MAX_NAME))
      .max(MAX_LIST)
      .nullable()
      .optional()
      .openapi({ description: 'Tools to attach, by name' }),
    include_base_tools: z.boolean().nullable().optional().openapi({
      description: "Attach the agent type's built-in tools (true by default)",
    }),
    initial_message_sequence: z.array(InitialMessageSchema).max(MAX_LIST).nullable().optional(),
  })
  .openapi('CreateAgentRequest')

export const UpdateAgentSchema = z.object(agentWritable).openapi('UpdateAgent')

const QueryList = z
  .union([z.string().max(MAX_TEXT), z.array(z.string().max(MAX_NAME)).max(MAX_LIST)])
  .optional()
  .transform(splitQueryList)

export const CursorQuery = {
  before: id.optional().openapi({ description: 'An id: the items before it in the list order' }),
  after: id.optional().openapi({ description: 'An id: the items after it in the list order' }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  order_by: z.enum(['created_at']).optional(),
}

const agentFilterQuery = {
  name: z.string().max(MAX_NAME).optional().openapi({ description: 'Exact name' }),
  tags: QueryList.openapi({
    description: 'Agents with any of these tags (all, with match_all_tags)',
  }),
  match_all_tags: QueryBoolean.optional(),
  query_text: z
    .string()
    .max(MAX_NAME)
    .optional()
    .openapi({ description: 'Case-insensitive text in the name or description' }),
  last_stop_reason: StopReasonTypeSchema.optional(),
  project_id: id.optional(),
  template_id: id.optional(),
  base_template_id: id.optional(),
}

export const AgentListQuerySchema = z.object({
  ...agentFilterQuery,
  ...CursorQuery,
  ascending: QueryBoolean.optional().openapi({ description: 'Deprecated: use order' }),
  include: QueryList.openapi({
    description: 'Accepted for compatibility: relations are always included',
  }),
})

export const AgentCountQuerySchema = z.object(agentFilterQuery)

export const CursorQuerySchema = z.object(CursorQuery)

export const AgentIdParamsSchema = idParam('agent_id')
export const AgentBlockParamsSchema = AgentIdParamsSchema.extend({
  block_label: z
    .string()
    .max(MAX_NAME)
    .openapi({ param: { name: 'block_label', in: 'path' }, example: 'human' }),
})
export const AgentToolParamsSchema = AgentIdParamsSchema.extend(idParam('tool_id').shape)
export const AgentFolderParamsSchema = AgentIdParamsSchema.extend(idParam('folder_id').shape)
export const AgentSourceParamsSchema = AgentIdParamsSchema.extend(idParam('source_id').shape)
