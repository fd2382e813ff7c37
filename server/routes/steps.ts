import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses, notFound } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { AgentService } from '../services/agents/agent-service.ts'
import type { RunService } from '../services/agents/run-service.ts'
import { lettaMessagesOf } from './agent-messages.ts'
import { LettaMessageSchema } from './schemas/message.ts'
import {
  PageQuerySchema,
  StepIdParamsSchema,
  StepListQuerySchema,
  StepSchema,
} from './schemas/run.ts'

const tags = ['steps']

/** An ISO date or date-time as the UTC timestamp steps store; a bare end date runs to its last moment. */
function bound(value: string | undefined, end: boolean): string | undefined {
  if (!value) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`
  return new Date(value).toISOString()
}

const listRoute = createRoute({
  method: 'get',
  path: '/v1/steps',
  tags,
  summary:
    'List steps (one per model call, with its tokens), newest first: the source of usage figures',
  request: { query: StepListQuerySchema },
  responses: { 200: jsonResponse(z.array(StepSchema), 'The steps'), ...errorResponses(400, 422) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/steps/{step_id}',
  tags,
  summary: 'Get a step',
  request: { params: StepIdParamsSchema },
  responses: { 200: jsonResponse(StepSchema, 'The step'), ...errorResponses(404) },
})

const messagesRoute = createRoute({
  method: 'get',
  path: '/v1/steps/{step_id}/messages',
  tags,
  summary: "The step's messages, oldest first",
  request: { params: StepIdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(z.array(LettaMessageSchema), 'The messages'),
    ...errorResponses(400, 404, 422),
  },
})

export function stepRoutes(runs: RunService, agents: AgentService) {
  const requireStep = (id: string) => {
    const step = runs.steps.get(id)
    if (!step) throw notFound('Step', id)
    return step
  }
  return createRouter()
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query')
      return c.json(
        runs.steps.list(
          {
            agentId: query.agent_id,
            model: query.model,
            startDate: bound(query.start_date, false),
            endDate: bound(query.end_date, true),
          },
          { before: query.before, after: query.after, limit: query.limit, order: query.order },
          50,
        ),
        200,
      )
    })
    .openapi(getRoute, (c) => c.json(requireStep(c.req.valid('param').step_id), 200))
    .openapi(messagesRoute, (c) => {
      const step = requireStep(c.req.valid('param').step_id)
      const query = c.req.valid('query')
      const order = query.order ?? 'asc'
      const rows = agents.messages.list(
        { stepId: step.id },
        { before: query.before, after: query.after, limit: query.limit, order },
        'asc',
      )
      const agentType =
        (step.agent_id && agents.agents.get(step.agent_id)?.agent_type) || 'letta_v1_agent'
      return c.json(lettaMessagesOf(agentType, rows, order), 200)
    })
}
