import { z } from '@hono/zod-openapi'

import { RUN_STATUSES } from '../../storage/runs-repository.ts'
import { STEP_STATUSES } from '../../storage/steps-repository.ts'
import { MAX_ID, MAX_LIST, MAX_NAME, StopReasonTypeSchema } from './agent.ts'
import { exampleId, idParam, QueryBoolean, splitQueryList } from './common.ts'

const nullableString = z.string().nullable()
const nullableInt = z.number().int().nullable()

export const RunStatusSchema = z.enum(RUN_STATUSES).openapi('RunStatus')
export const StepStatusSchema = z.enum(STEP_STATUSES).openapi('StepStatus')

export const RunSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('run') }),
    status: RunStatusSchema,
    created_at: z.string(),
    completed_at: nullableString,
    agent_id: z.string(),
    conversation_id: z.null(),
    base_template_id: nullableString,
    background: z.boolean().nullable(),
    metadata: z.record(z.string(), z.unknown()).openapi({
      description: 'run_type; on failure, error holds the reason',
    }),
    request_config: z.record(z.string(), z.unknown()).nullable(),
    stop_reason: StopReasonTypeSchema.nullable(),
    callback_url: nullableString,
    callback_sent_at: nullableString,
    callback_status_code: nullableInt,
    callback_error: nullableString,
    ttft_ns: nullableInt,
    total_duration_ns: nullableInt,
  })
  .openapi('Run')

export const StepSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('step') }),
    origin: z.null(),
    provider_id: z.null(),
    run_id: nullableString,
    agent_id: nullableString,
    provider_name: nullableString,
    provider_category: nullableString,
    provider_type: nullableString.openapi({
      description: 'The protocol the provider speaks (this server only)',
    }),
    model: nullableString,
    model_handle: nullableString,
    model_endpoint: nullableString,
    context_window_limit: nullableInt,
    completion_tokens: z.number().int(),
    prompt_tokens: z.number().int(),
    total_tokens: z.number().int(),
    cached_input_tokens: nullableInt,
    cache_write_tokens: nullableInt,
    reasoning_tokens: nullableInt,
    completion_tokens_details: z
      .object({ reasoning_tokens: z.number().int().optional() })
      .nullable(),
    prompt_tokens_details: z
      .object({
        cached_tokens: z.number().int().optional(),
        cache_creation_tokens: z.number().int().optional(),
      })
      .nullable(),
    stop_reason: StopReasonTypeSchema.nullable(),
    tags: z.array(z.string()),
    tid: z.null(),
    trace_id: z.null(),
    request_id: z.null(),
    messages: z.array(z.unknown()),
    feedback: z.null(),
    project_id: z.null(),
    error_type: nullableString,
    error_data: z.record(z.string(), z.unknown()).nullable(),
    status: StepStatusSchema,
    created_at: z.string().openapi({ description: 'ISO 8601 UTC (this server only)' }),
    completed_at: nullableString,
  })
  .openapi('Step')

export const UsageStatisticsSchema = z
  .object({
    completion_tokens: z.number().int(),
    prompt_tokens: z.number().int(),
    total_tokens: z.number().int(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().int().optional() }).nullable(),
    completion_tokens_details: z
      .object({ reasoning_tokens: z.number().int().optional() })
      .nullable(),
    step_count: z.number().int().openapi({ description: 'Steps summed (this server only)' }),
  })
  .openapi('UsageStatistics')

const QueryList = z
  .union([z.string().max(2000), z.array(z.string().max(MAX_NAME)).max(MAX_LIST)])
  .optional()
  .transform(splitQueryList)

const cursorQuery = {
  before: z.string().max(MAX_ID).optional(),
  after: z.string().max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  order_by: z.enum(['created_at']).optional(),
}

export const PageQuerySchema = z.object(cursorQuery)

export const RunListQuerySchema = z.object({
  ...cursorQuery,
  agent_id: z.string().max(MAX_ID).optional(),
  agent_ids: QueryList.openapi({ description: 'Deprecated: use agent_id' }),
  statuses: QueryList.openapi({ description: 'Any of these statuses' }),
  active: QueryBoolean.optional().openapi({ description: 'Only created or running runs' }),
  stop_reason: StopReasonTypeSchema.optional(),
  background: QueryBoolean.optional(),
  ascending: QueryBoolean.optional().openapi({ description: 'Deprecated: use order' }),
})

export const StepListQuerySchema = z.object({
  ...cursorQuery,
  agent_id: z.string().max(MAX_ID).optional(),
  model: z.string().max(MAX_NAME).optional().openapi({ description: 'A model name or handle' }),
  start_date: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().openapi({
    description: 'Steps created at or after (ISO 8601)',
  }),
  end_date: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().openapi({
    description: 'Steps created at or before (ISO 8601; a date means through its end)',
  }),
})

export const RunIdParamsSchema = idParam('run_id', 'run')
export const StepIdParamsSchema = idParam('step_id', 'step')
