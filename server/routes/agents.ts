import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonBody, jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { AgentService } from '../services/agents/agent-service.ts'
import type { RunService } from '../services/agents/run-service.ts'
import type { AgentFilters } from '../storage/agents-repository.ts'
import {
  AgentBlockParamsSchema,
  AgentCountQuerySchema,
  AgentFolderParamsSchema,
  AgentIdParamsSchema,
  AgentListQuerySchema,
  AgentSourceParamsSchema,
  AgentStateSchema,
  AgentToolParamsSchema,
  BlockSchema,
  BlockUpdateSchema,
  CreateAgentSchema,
  CursorQuerySchema,
  MemorySchema,
  UpdateAgentSchema,
} from './schemas/agent.ts'
import { SourceSchema } from './schemas/source.ts'
import { ToolSchema } from './schemas/tool.ts'

const tags = ['agents']

function filtersOf(query: z.output<typeof AgentCountQuerySchema>): AgentFilters {
  return {
    name: query.name,
    tags: query.tags,
    matchAllTags: query.match_all_tags,
    queryText: query.query_text,
    lastStopReason: query.last_stop_reason,
    projectId: query.project_id,
    templateId: query.template_id,
    baseTemplateId: query.base_template_id,
  }
}

const cursorOf = (query: z.output<typeof CursorQuerySchema>) => ({
  before: query.before,
  after: query.after,
  limit: query.limit,
  order: query.order,
})

// Static paths (count) are registered before /v1/agents/{agent_id}.
const listRoute = createRoute({
  method: 'get',
  path: '/v1/agents',
  tags,
  summary: 'List agents, newest first',
  request: { query: AgentListQuerySchema },
  responses: {
    200: jsonResponse(z.array(AgentStateSchema), 'The agents'),
    ...errorResponses(400, 422),
  },
})

const countRoute = createRoute({
  method: 'get',
  path: '/v1/agents/count',
  tags,
  summary: 'Count agents matching the filters',
  request: { query: AgentCountQuerySchema },
  responses: {
    200: jsonResponse(z.number().int(), 'The number of agents'),
    ...errorResponses(422),
  },
})

const createAgentRoute = createRoute({
  method: 'post',
  path: '/v1/agents',
  tags,
  summary: 'Create an agent with its memory blocks, tools and folders',
  request: { body: jsonBody(CreateAgentSchema) },
  responses: {
    200: jsonResponse(AgentStateSchema, 'The new agent'),
    ...errorResponses(400, 404, 422),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}',
  tags,
  summary: 'Get an agent',
  request: { params: AgentIdParamsSchema },
  responses: { 200: jsonResponse(AgentStateSchema, 'The agent'), ...errorResponses(404) },
})

const updateRoute = createRoute({
  method: 'patch',
  path: '/v1/agents/{agent_id}',
  tags,
  summary: 'Change the fields sent; tool_ids and folder_ids replace the attached sets',
  request: { params: AgentIdParamsSchema, body: jsonBody(UpdateAgentSchema) },
  responses: {
    200: jsonResponse(AgentStateSchema, 'The updated agent'),
    ...errorResponses(400, 404, 422),
  },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/agents/{agent_id}',
  tags,
  summary:
    'Delete an agent with its memory and messages; its runs and steps stay for usage history',
  request: { params: AgentIdParamsSchema },
  responses: { 200: jsonResponse(z.null(), 'Deleted'), ...errorResponses(404) },
})

const memoryRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/core-memory',
  tags,
  summary: "The agent's core memory",
  request: { params: AgentIdParamsSchema },
  responses: { 200: jsonResponse(MemorySchema, 'The memory'), ...errorResponses(404) },
})

const listBlocksRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/core-memory/blocks',
  tags,
  summary: "The agent's memory blocks, in memory order",
  request: { params: AgentIdParamsSchema, query: CursorQuerySchema },
  responses: {
    200: jsonResponse(z.array(BlockSchema), 'The blocks'),
    ...errorResponses(400, 404, 422),
  },
})

const getBlockRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/core-memory/blocks/{block_label}',
  tags,
  summary: 'Get a memory block by its label',
  request: { params: AgentBlockParamsSchema },
  responses: { 200: jsonResponse(BlockSchema, 'The block'), ...errorResponses(404) },
})

const updateBlockRoute = createRoute({
  method: 'patch',
  path: '/v1/agents/{agent_id}/core-memory/blocks/{block_label}',
  tags,
  summary: 'Change a memory block; a value over the limit is refused with 400',
  request: { params: AgentBlockParamsSchema, body: jsonBody(BlockUpdateSchema) },
  responses: {
    200: jsonResponse(BlockSchema, 'The updated block'),
    ...errorResponses(400, 404, 409, 422),
  },
})

const listToolsRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/tools',
  tags,
  summary: "The agent's tools, in attach order",
  request: { params: AgentIdParamsSchema, query: CursorQuerySchema },
  responses: {
    200: jsonResponse(z.array(ToolSchema), 'The tools'),
    ...errorResponses(400, 404, 422),
  },
})

const attachRoute = (kind: 'tools' | 'folders' | 'sources', action: 'attach' | 'detach') => {
  const params =
    kind === 'tools'
      ? AgentToolParamsSchema
      : kind === 'folders'
        ? AgentFolderParamsSchema
        : AgentSourceParamsSchema
  const param = kind === 'tools' ? 'tool_id' : kind === 'folders' ? 'folder_id' : 'source_id'
  return createRoute({
    method: 'patch',
    path: `/v1/agents/{agent_id}/${kind}/${action}/{${param}}`,
    tags,
    summary: `${action === 'attach' ? 'Attach' : 'Detach'} a ${kind === 'tools' ? 'tool' : kind.slice(0, -1)}`,
    request: { params },
    responses: { 200: jsonResponse(AgentStateSchema, 'The agent'), ...errorResponses(404) },
  })
}

const listSourcesRoute = (kind: 'folders' | 'sources') =>
  createRoute({
    method: 'get',
    path: `/v1/agents/{agent_id}/${kind}`,
    tags,
    summary: `The agent's ${kind}, in attach order`,
    request: { params: AgentIdParamsSchema, query: CursorQuerySchema },
    responses: {
      200: jsonResponse(z.array(SourceSchema), `The ${kind}`),
      ...errorResponses(400, 404, 422),
    },
  })

export function agentRoutes(agents: AgentService, runs: RunService) {
  const router = createRouter()
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query')
      const order =
        query.order ??
        (query.ascending === undefined ? undefined : query.ascending ? 'asc' : 'desc')
      return c.json(agents.list(filtersOf(query), { ...cursorOf(query), order }), 200)
    })
    .openapi(countRoute, (c) => c.json(agents.count(filtersOf(c.req.valid('query'))), 200))
    .openapi(createAgentRoute, (c) => c.json(agents.create(c.req.valid('json')), 200))
    .openapi(getRoute, (c) => c.json(agents.get(c.req.valid('param').agent_id), 200))
    .openapi(updateRoute, (c) =>
      c.json(agents.update(c.req.valid('param').agent_id, c.req.valid('json')), 200),
    )
    .openapi(deleteRoute, (c) => {
      const { agent_id } = c.req.valid('param')
      agents.record(agent_id)
      for (const run of runs.activeForAgent(agent_id)) runs.cancel(run.id)
      agents.delete(agent_id)
      return c.json(null, 200)
    })
    .openapi(memoryRoute, (c) => c.json(agents.get(c.req.valid('param').agent_id).memory, 200))
    .openapi(listBlocksRoute, (c) =>
      c.json(agents.listBlocks(c.req.valid('param').agent_id, cursorOf(c.req.valid('query'))), 200),
    )
    .openapi(getBlockRoute, (c) => {
      const { agent_id, block_label } = c.req.valid('param')
      return c.json(agents.getBlock(agent_id, block_label), 200)
    })
    .openapi(updateBlockRoute, (c) => {
      const { agent_id, block_label } = c.req.valid('param')
      return c.json(agents.updateBlock(agent_id, block_label, c.req.valid('json')), 200)
    })
    .openapi(listToolsRoute, (c) =>
      c.json(agents.listTools(c.req.valid('param').agent_id, cursorOf(c.req.valid('query'))), 200),
    )
    .openapi(attachRoute('tools', 'attach'), (c) => {
      const { agent_id, tool_id } = c.req.valid('param') as { agent_id: string; tool_id: string }
      return c.json(agents.attachTool(agent_id, tool_id), 200)
    })
    .openapi(attachRoute('tools', 'detach'), (c) => {
      const { agent_id, tool_id } = c.req.valid('param') as { agent_id: string; tool_id: string }
      return c.json(agents.detachTool(agent_id, tool_id), 200)
    })
  for (const kind of ['folders', 'sources'] as const) {
    const key = kind === 'folders' ? 'folder_id' : 'source_id'
    router
      .openapi(listSourcesRoute(kind), (c) =>
        c.json(
          agents.listSources(c.req.valid('param').agent_id, cursorOf(c.req.valid('query'))),
          200,
        ),
      )
      .openapi(attachRoute(kind, 'attach'), (c) => {
        const params = c.req.valid('param') as Record<string, string>
        return c.json(agents.attachSource(params.agent_id as string, params[key] as string), 200)
      })
      .openapi(attachRoute(kind, 'detach'), (c) => {
        const params = c.req.valid('param') as Record<string, string>
        return c.json(agents.detachSource(params.agent_id as string, params[key] as string), 200)
      })
  }
  return router
}
