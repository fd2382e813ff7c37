import { z } from '@hono/zod-openapi'

import { MESSAGE_TYPES } from '../../services/agents/letta-messages.ts'
import {
  MAX_ID,
  MAX_LIST,
  MAX_NAME,
  MAX_TEXT,
  MessageRoleSchema,
  StopReasonTypeSchema,
  TextContentSchema,
} from './agent.ts'
import { exampleId } from './common.ts'

const nullableString = z.string().nullable()

export const MessageTypeSchema = z.enum(MESSAGE_TYPES).openapi('MessageType')

const messageBase = {
  id: z.string().openapi({ example: exampleId('message') }),
  date: z.string(),
  name: nullableString,
  otid: nullableString,
  sender_id: nullableString,
  step_id: nullableString,
  run_id: nullableString,
  seq_id: z.null(),
  is_err: z.literal(true).optional(),
}

export const ToolCallSchema = z
  .object({ name: z.string(), arguments: z.string(), tool_call_id: z.string() })
  .openapi('ToolCall')

export const ToolReturnSchema = z
  .object({
    tool_return: z.string(),
    status: z.enum(['success', 'error']),
    tool_call_id: z.string(),
    stdout: z.array(z.string()).nullable(),
    stderr: z.array(z.string()).nullable(),
  })
  .openapi('ToolReturn')

export const SystemMessageSchema = z
  .object({ ...messageBase, message_type: z.literal('system_message'), content: z.string() })
  .openapi('SystemMessage')
export const UserMessageSchema = z
  .object({ ...messageBase, message_type: z.literal('user_message'), content: z.string() })
  .openapi('UserMessage')
export const AssistantMessageSchema = z
  .object({ ...messageBase, message_type: z.literal('assistant_message'), content: z.string() })
  .openapi('AssistantMessage')
export const ReasoningMessageSchema = z
  .object({
    ...messageBase,
    message_type: z.literal('reasoning_message'),
    reasoning: z.string(),
    source: z.enum(['reasoner_model', 'non_reasoner_model']),
    signature: nullableString,
  })
  .openapi('ReasoningMessage')
export const ToolCallMessageSchema = z
  .object({
    ...messageBase,
    message_type: z.literal('tool_call_message'),
    tool_call: ToolCallSchema.openapi({ description: 'Deprecated: the first of tool_calls' }),
    tool_calls: z.array(ToolCallSchema),
  })
  .openapi('ToolCallMessage')
export const ToolReturnMessageSchema = z
  .object({
    ...messageBase,
    ...ToolReturnSchema.shape,
    message_type: z.literal('tool_return_message'),
    tool_returns: z.array(ToolReturnSchema),
  })
  .openapi('LettaToolReturnMessage')

export const LettaMessageSchema = z
  .discriminatedUnion('message_type', [
    SystemMessageSchema,
    UserMessageSchema,
    AssistantMessageSchema,
    ReasoningMessageSchema,
    ToolCallMessageSchema,
    ToolReturnMessageSchema,
  ])
  .openapi('LettaMessageUnion')

export const MessageCreateSchema = z
  .object({
    role: MessageRoleSchema,
    content: z.union([z.string().max(MAX_TEXT), z.array(TextContentSchema).max(MAX_LIST)]),
    type: z.literal('message').nullable().optional(),
    name: z.string().max(MAX_NAME).nullable().optional(),
    otid: z.string().max(MAX_ID).nullable().optional(),
    sender_id: z.string().max(MAX_ID).nullable().optional(),
    group_id: z.string().max(MAX_ID).nullable().optional(),
    batch_item_id: z.string().max(MAX_ID).nullable().optional(),
  })
  .openapi('MessageCreate')

export const MAX_STEPS_LIMIT = 100

const lettaRequestFields = {
  messages: z.array(MessageCreateSchema).max(MAX_LIST).nullable().optional(),
  input: z
    .union([z.string().max(MAX_TEXT), z.array(TextContentSchema).max(MAX_LIST)])
    .nullable()
    .optional()
    .openapi({ description: 'A user message, instead of messages' }),
  max_steps: z
    .number()
    .int()
    .min(1)
    .max(MAX_STEPS_LIMIT)
    .nullable()
    .optional()
    .openapi({ description: 'Model calls at most (50 by default)' }),
  include_return_message_types: z.array(MessageTypeSchema).max(20).nullable().optional(),
  use_assistant_message: z
    .boolean()
    .nullable()
    .optional()
    .openapi({ description: 'Deprecated; always true here' }),
  assistant_message_tool_name: z.string().max(MAX_NAME).nullable().optional(),
  assistant_message_tool_kwarg: z.string().max(MAX_NAME).nullable().optional(),
}

export const LettaRequestSchema = z.object(lettaRequestFields).openapi('LettaRequest')

export const LettaStreamingRequestSchema = z
  .object({
    ...lettaRequestFields,
    stream_tokens: z
      .boolean()
      .nullable()
      .optional()
      .openapi({ description: 'Accepted; each message is sent whole when its step completes' }),
    include_pings: z.boolean().nullable().optional(),
    background: z.boolean().nullable().optional(),
    streaming: z.boolean().nullable().optional().openapi({
      description: 'On POST /messages: answer with the server-sent events of /messages/stream',
    }),
  })
  .openapi('LettaStreamingRequest')

export const LettaAsyncRequestSchema = z
  .object({
    ...lettaRequestFields,
    callback_url: z.string().max(2048).nullable().optional().openapi({
      description: 'POSTed the run once it finishes (http or https)',
    }),
  })
  .openapi('LettaAsyncRequest')

export const LettaUsageStatisticsSchema = z
  .object({
    message_type: z.literal('usage_statistics'),
    completion_tokens: z.number().int(),
    prompt_tokens: z.number().int(),
    total_tokens: z.number().int(),
    step_count: z.number().int(),
    run_ids: z.array(z.string()).nullable(),
    cached_input_tokens: z.number().int().nullable(),
    cache_write_tokens: z.number().int().nullable(),
    reasoning_tokens: z.number().int().nullable(),
    context_tokens: z.number().int().nullable(),
  })
  .openapi('LettaUsageStatistics')

export const LettaStopReasonSchema = z
  .object({ message_type: z.literal('stop_reason'), stop_reason: StopReasonTypeSchema })
  .openapi('LettaStopReason')

export const LettaResponseSchema = z
  .object({
    messages: z.array(LettaMessageSchema),
    stop_reason: LettaStopReasonSchema,
    usage: LettaUsageStatisticsSchema,
  })
  .openapi('LettaResponse')

export const LlmFailureSchema = z
  .object({
    detail: z.string(),
    run_id: z.string(),
    stop_reason: StopReasonTypeSchema,
    error_type: z.string(),
  })
  .openapi('LlmFailure')

export const CancelAgentRunRequestSchema = z
  .object({ run_ids: z.array(z.string().max(MAX_ID)).max(MAX_LIST).nullable().optional() })
  .openapi('CancelAgentRunRequest')

const QueryTypes = z
  .union([MessageTypeSchema, z.array(MessageTypeSchema).max(20)])
  .optional()
  .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]))

export const MessageListQuerySchema = z.object({
  before: z.string().max(MAX_ID).optional(),
  after: z.string().max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  order_by: z.enum(['created_at']).optional(),
  group_id: z.string().max(MAX_ID).optional(),
  include_err: z.string().max(8).optional(),
  include_return_message_types: QueryTypes,
  use_assistant_message: z.string().max(8).optional(),
  assistant_message_tool_name: z.string().max(MAX_NAME).optional(),
  assistant_message_tool_kwarg: z.string().max(MAX_NAME).optional(),
})
