import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { AgentService } from '../services/agents/agent-service.ts'
import type { RunService } from '../services/agents/run-service.ts'
import { lettaMessagesOf } from './agent-messages.ts'
import { LettaMessageSchema } from './schemas/message.ts'
import {
  PageQuerySchema,
  RunIdParamsSchema,
  RunListQuerySchema,
  RunSchema,
  StepSchema,
  UsageStatisticsSchema,
} from './schemas/run.ts'

const tags = ['runs']

const cursorOf = (query: z.output<typeof PageQuerySchema>, order?: 'asc' | 'desc') => ({
  before: query.before,
  after: query.after,
  limit: query.limit,
  order: query.order ?? order,
})

const listRoute = createRoute({
  method: 'get',
  path: '/v1/runs',
  tags,
  summary: 'List runs, newest first',
  request: { query: RunListQuerySchema },
  responses: { 200: jsonResponse(z.array(RunSchema), 'The runs'), ...errorResponses(400, 422) },
})

const activeRoute = createRoute({
  method: 'get',
  path: '/v1/runs/active',
  tags,
  summary: 'Runs still created or running',
  request: { query: z.object({ agent_id: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse(z.array(RunSchema), 'The active runs'), ...errorResponses(422) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{run_id}',
  tags,
  summary: 'Get a run',
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(RunSchema, 'The run'), ...errorResponses(404) },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/runs/{run_id}',
  tags,
  summary:
    'Delete a run and its steps (cancelling it first when active); its messages stay in the conversation',
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(z.null(), 'Deleted'), ...errorResponses(404) },
})

const cancelRoute = createRoute({
  method: 'patch',
  path: '/v1/runs/{run_id}/cancel',
  tags,
  summary: 'Cancel a run: its model call or tool stops at once; a finished run is returned as is',
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(RunSchema, 'The run after the cancel'), ...errorResponses(404) },
})

const messagesRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{run_id}/messages',
  tags,
  summary: "The run's messages, oldest first",
  request: { params: RunIdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(z.array(LettaMessageSchema), 'The messages'),
    ...errorResponses(400, 404, 422),
  },
})

const stepsRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{run_id}/steps',
  tags,
  summary: "The run's steps (one per model call), newest first",
  request: { params: RunIdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(z.array(StepSchema), 'The steps'),
    ...errorResponses(400, 404, 422),
  },
})

const usageRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{run_id}/usage',
  tags,
  summary: "Tokens summed over the run's steps, failed ones included",
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(UsageStatisticsSchema, 'The usage'), ...errorResponses(404) },
})

export function runRoutes(runs: RunService, agents: AgentService) {
  return createRouter()
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query')
      const agentIds = [...(query.agent_id ? [query.agent_id] : []), ...(query.agent_ids ?? [])]
      const order = query.ascending === undefined ? undefined : query.ascending ? 'asc' : 'desc'
      return c.json(
        runs.list(
          {
            agentIds: agentIds.length ? agentIds : undefined,
            statuses: query.statuses,
            active: query.active,
            stopReason: query.stop_reason,
            background: query.background,
          },
          cursorOf(query, order),
        ),
        200,
      )
    })
    .openapi(activeRoute, (c) => {
      const { agent_id } = c.req.valid('query')
      return c.json(
        runs.list({ agentIds: agent_id ? [agent_id] : undefined, active: true }, { limit: 1000 }),
        200,
      )
    })
    .openapi(getRoute, (c) => c.json(runs.require(c.req.valid('param').run_id), 200))
    .openapi(deleteRoute, (c) => {
      const { run_id } = c.req.valid('param')
      runs.require(run_id)
      runs.delete(run_id)
      return c.json(null, 200)
    })
    .openapi(cancelRoute, (c) => c.json(runs.cancel(c.req.valid('param').run_id), 200))
    .openapi(messagesRoute, (c) => {
      const run = runs.require(c.req.valid('param').run_id)
      const query = c.req.valid('query')
      const order = query.order ?? 'asc'
      const rows = agents.messages.list({ runId: run.id }, cursorOf(query), 'asc')
      const agentType = agents.agents.get(run.agent_id)?.agent_type ?? 'letta_v1_agent'
      return c.json(
        lettaMessagesOf(agentType, rows, order).filter((m) => m.message_type !== 'user_message'),
        200,
      )
    })
    .openapi(stepsRoute, (c) => {
      const run = runs.require(c.req.valid('param').run_id)
      return c.json(runs.steps.list({ runId: run.id }, cursorOf(c.req.valid('query')), 100), 200)
    })
    .openapi(usageRoute, (c) => {
      const run = runs.require(c.req.valid('param').run_id)
      const usage = runs.steps.usageForRun(run.id)
      return c.json(
        {
          completion_tokens: usage.completion_tokens,
          prompt_tokens: usage.prompt_tokens,
          total_tokens: usage.total_tokens,
          prompt_tokens_details:
            usage.cached_tokens === null ? null : { cached_tokens: usage.cached_tokens },
          completion_tokens_details:
            usage.reasoning_tokens === null ? null : { reasoning_tokens: usage.reasoning_tokens },
          step_count: usage.step_count,
        },
        200,
      )
    })
}
