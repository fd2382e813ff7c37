import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonBody, jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { BatchService } from '../services/batches/batch-service.ts'
import { BATCH_ITEM_STATUSES } from '../storage/batches-repository.ts'
import { MAX_ID, MAX_LIST, MAX_NAME } from './schemas/agent.ts'
import { idParam, QueryBoolean } from './schemas/common.ts'
import { JobSchema } from './schemas/job.ts'
import { MAX_STEPS_LIMIT, MessageCreateSchema } from './schemas/message.ts'

const tags = ['batches']

/** The most requests one batch may hold. */
export const MAX_BATCH_REQUESTS = 100

const BatchRequestSchema = z
  .object({
    agent_id: z.string().min(1).max(MAX_ID),
    messages: z.array(MessageCreateSchema).min(1).max(MAX_LIST),
    max_steps: z.number().int().min(1).max(MAX_STEPS_LIMIT).nullable().optional(),
  })
  .passthrough()
  .openapi('LettaBatchRequest')

const CreateBatchSchema = z
  .object({
    requests: z.array(BatchRequestSchema).min(1).max(MAX_BATCH_REQUESTS),
    callback_url: z.string().max(2048).nullable().optional().openapi({
      description: 'POSTed the batch job once it has finished',
    }),
  })
  .openapi('CreateBatch')

const ContentPartSchema = z.union([
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('reasoning'),
    reasoning: z.string(),
    is_native: z.boolean(),
    signature: z.string().nullable(),
  }),
])

export const BatchMessageSchema = z
  .object({
    id: z.string(),
    agent_id: z.string(),
    model: z.string().nullable(),
    role: z.string(),
    content: z.array(ContentPartSchema),
    name: z.string().nullable(),
    tool_calls: z
      .array(
        z.object({
          id: z.string(),
          type: z.literal('function'),
          function: z.object({ name: z.string(), arguments: z.string() }),
        }),
      )
      .nullable(),
    tool_call_id: z.string().nullable(),
    step_id: z.string().nullable(),
    run_id: z.string().nullable(),
    otid: z.string().nullable(),
    tool_returns: z
      .array(
        z.object({
          tool_call_id: z.string(),
          status: z.enum(['success', 'error']),
          stdout: z.array(z.string()).nullable(),
          stderr: z.array(z.string()).nullable(),
          func_response: z.string(),
        }),
      )
      .nullable(),
    group_id: z.string().nullable(),
    sender_id: z.string().nullable(),
    batch_item_id: z.string().nullable(),
    is_err: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
    created_by_id: z.string(),
    last_updated_by_id: z.string(),
  })
  .openapi('Message')

const BatchMessagesSchema = z
  .object({ messages: z.array(BatchMessageSchema) })
  .openapi('LettaBatchMessages')

const BatchItemSchema = z
  .object({
    id: z.string(),
    batch_id: z.string(),
    position: z.number().int(),
    agent_id: z.string(),
    messages: z.array(MessageCreateSchema),
    max_steps: z.number().int().nullable(),
    status: z.enum(BATCH_ITEM_STATUSES),
    run_id: z.string().nullable(),
    stop_reason: z.string().nullable(),
    error: z.string().nullable().openapi({ description: 'Why the item failed' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('BatchItem')

const BatchIdParams = idParam('batch_id')

const Limit = z.coerce.number().int().min(1).max(1000)
const CursorId = z.string().min(1).max(MAX_ID)

const BatchListQuery = z.object({
  before: CursorId.optional(),
  after: CursorId.optional(),
  limit: Limit.optional(),
  order: z.enum(['asc', 'desc']).optional(),
})

const BatchMessagesQuery = z.object({
  before: CursorId.optional().openapi({ description: 'A message id' }),
  after: CursorId.optional().openapi({ description: 'A message id' }),
  limit: Limit.optional().openapi({ description: '100 by default' }),
  order: z.enum(['asc', 'desc']).optional().openapi({ description: 'desc by default' }),
  order_by: z.enum(['created_at']).optional(),
  agent_id: z.string().max(MAX_NAME).optional().openapi({ description: "Only this agent's" }),
})

const BatchRunMessagesQuery = z.object({
  limit: Limit.optional().openapi({ description: '100 by default' }),
  cursor: CursorId.optional().openapi({ description: 'The last message id of the previous page' }),
  sort_descending: QueryBoolean.optional().openapi({ description: 'Newest first' }),
})

const createBatchRoute = createRoute({
  method: 'post',
  path: '/v1/messages/batches',
  tags,
  summary: 'Send requests to many agents at once: a batch job whose items run a few at a time',
  request: { body: jsonBody(CreateBatchSchema) },
  responses: { 200: jsonResponse(JobSchema, 'The batch job'), ...errorResponses(400, 422) },
})

const listBatchesRoute = createRoute({
  method: 'get',
  path: '/v1/messages/batches',
  tags,
  summary: 'List batch jobs, newest first',
  request: { query: BatchListQuery },
  responses: {
    200: jsonResponse(z.array(JobSchema), 'The batch jobs'),
    ...errorResponses(400, 422),
  },
})

const getBatchRoute = createRoute({
  method: 'get',
  path: '/v1/messages/batches/{batch_id}',
  tags,
  summary: 'Get a batch job',
  request: { params: BatchIdParams },
  responses: { 200: jsonResponse(JobSchema, 'The batch job'), ...errorResponses(404) },
})

const cancelBatchRoute = createRoute({
  method: 'patch',
  path: '/v1/messages/batches/{batch_id}/cancel',
  tags,
  summary: 'Cancel a batch: items not yet run never run, runs in progress stop',
  request: { params: BatchIdParams },
  responses: { 200: jsonResponse(JobSchema, 'The batch job'), ...errorResponses(404) },
})

const batchItemsRoute = createRoute({
  method: 'get',
  path: '/v1/messages/batches/{batch_id}/items',
  tags,
  summary: "The batch's requests in order, each with its agent, status, run and failure reason",
  request: { params: BatchIdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(BatchItemSchema) }), 'The items'),
    ...errorResponses(404),
  },
})

const batchMessagesRoute = createRoute({
  method: 'get',
  path: '/v1/messages/batches/{batch_id}/messages',
  tags,
  summary: "The messages the batch's runs wrote",
  request: { params: BatchIdParams, query: BatchMessagesQuery },
  responses: {
    200: jsonResponse(BatchMessagesSchema, 'The messages'),
    ...errorResponses(400, 404, 422),
  },
})

const batchRunMessagesRoute = createRoute({
  method: 'get',
  path: '/v1/batch-runs/{batch_id}/messages',
  tags,
  summary: "The messages the batch's runs wrote, oldest first unless sort_descending",
  request: { params: BatchIdParams, query: BatchRunMessagesQuery },
  responses: {
    200: jsonResponse(BatchMessagesSchema, 'The messages'),
    ...errorResponses(400, 404, 422),
  },
})

export function batchRoutes(batches: BatchService) {
  return createRouter()
    .openapi(createBatchRoute, (c) => {
      const body = c.req.valid('json')
      return c.json(batches.create(body.requests, body.callback_url), 200)
    })
    .openapi(listBatchesRoute, (c) => {
      const query = c.req.valid('query')
      return c.json(
        batches.list({
          before: query.before,
          after: query.after,
          limit: query.limit ?? 100,
          order: query.order ?? 'desc',
        }),
        200,
      )
    })
    .openapi(getBatchRoute, (c) => c.json(batches.get(c.req.valid('param').batch_id), 200))
    .openapi(cancelBatchRoute, async (c) =>
      c.json(await batches.cancel(c.req.valid('param').batch_id), 200),
    )
    .openapi(batchItemsRoute, (c) =>
      c.json({ items: batches.items(c.req.valid('param').batch_id) }, 200),
    )
    .openapi(batchMessagesRoute, (c) => {
      const query = c.req.valid('query')
      const messages = batches.messages(
        c.req.valid('param').batch_id,
        { agentId: query.agent_id },
        { before: query.before, after: query.after, limit: query.limit, order: query.order },
        'desc',
      )
      return c.json({ messages }, 200)
    })
    .openapi(batchRunMessagesRoute, (c) => {
      const query = c.req.valid('query')
      const messages = batches.messages(
        c.req.valid('param').batch_id,
        {},
        {
          after: query.cursor,
          limit: query.limit,
          order: query.sort_descending ? 'desc' : 'asc',
        },
        'asc',
      )
      return c.json({ messages }, 200)
    })
}
