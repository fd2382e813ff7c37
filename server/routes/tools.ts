import { randomUUID } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonBody, jsonResponse, preparedJson } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { ToolService } from '../services/tools/tool-service.ts'
import { newId, nowIso } from '../storage/ids.ts'
import type { ToolFilters } from '../storage/tools-repository.ts'
import {
  GenerateToolSchemaRequestSchema,
  ToolCountQuerySchema,
  ToolCreateSchema,
  ToolIdParamsSchema,
  ToolJsonSchemaSchema,
  ToolListQuerySchema,
  ToolReturnMessageSchema,
  ToolRunFromSourceSchema,
  ToolSchema,
  ToolUpdateSchema,
  type ToolFilterQuerySchema,
} from './schemas/tool.ts'

const tags = ['tools']

// Static paths (count, run, generate-schema) are registered before /v1/tools/{tool_id}.
const listRoute = createRoute({
  method: 'get',
  path: '/v1/tools',
  tags,
  summary: 'List tools, built-in ones included, oldest first',
  request: { query: ToolListQuerySchema },
  responses: {
    200: jsonResponse(z.array(ToolSchema), 'The tools'),
    ...errorResponses(400, 422),
  },
})

const countRoute = createRoute({
  method: 'get',
  path: '/v1/tools/count',
  tags,
  summary: 'Count tools; built-in tools only with include_base_tools=true',
  request: { query: ToolCountQuerySchema },
  responses: {
    200: jsonResponse(z.number().int(), 'The number of tools'),
    ...errorResponses(422),
  },
})

const createToolRoute = createRoute({
  method: 'post',
  path: '/v1/tools',
  tags,
  summary: 'Create a tool; name and json_schema come from the Python source unless given',
  request: { body: jsonBody(ToolCreateSchema) },
  responses: {
    200: jsonResponse(ToolSchema, 'The new tool'),
    ...errorResponses(400, 409, 422),
  },
})

const upsertRoute = createRoute({
  method: 'put',
  path: '/v1/tools',
  tags,
  summary: 'Create a tool, or update the one with the same name',
  request: { body: jsonBody(ToolCreateSchema) },
  responses: {
    200: jsonResponse(ToolSchema, 'The created or updated tool'),
    ...errorResponses(400, 403, 409, 422),
  },
})

const generateSchemaRoute = createRoute({
  method: 'post',
  path: '/v1/tools/generate-schema',
  tags,
  summary: "Derive a tool's json_schema from Python source, without saving or running it",
  request: { body: jsonBody(GenerateToolSchemaRequestSchema) },
  responses: {
    200: jsonResponse(ToolJsonSchemaSchema, 'The JSON schema'),
    ...errorResponses(400, 422),
  },
})

const runRoute = createRoute({
  method: 'post',
  path: '/v1/tools/run',
  tags,
  summary: 'Run tool source with arguments in its own python3 process, temp dir and environment',
  request: { body: jsonBody(ToolRunFromSourceSchema) },
  responses: {
    200: jsonResponse(ToolReturnMessageSchema, 'What the tool returned and printed'),
    ...errorResponses(400, 403, 422, 501),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/tools/{tool_id}',
  tags,
  summary: 'Get a tool',
  request: { params: ToolIdParamsSchema },
  responses: {
    200: jsonResponse(ToolSchema, 'The tool'),
    ...errorResponses(404),
  },
})

const updateRoute = createRoute({
  method: 'patch',
  path: '/v1/tools/{tool_id}',
  tags,
  summary: 'Change the fields sent; built-in tools cannot be changed',
  request: { params: ToolIdParamsSchema, body: jsonBody(ToolUpdateSchema) },
  responses: {
    200: jsonResponse(ToolSchema, 'The updated tool'),
    ...errorResponses(400, 403, 404, 409, 422),
  },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/tools/{tool_id}',
  tags,
  summary: 'Delete a tool; built-in tools cannot be deleted',
  request: { params: ToolIdParamsSchema },
  responses: {
    200: jsonResponse(z.null(), 'Deleted; the body is null, as on Letta servers'),
    ...errorResponses(403, 404),
  },
})

function toFilters(query: z.output<typeof ToolFilterQuerySchema>): ToolFilters {
  return {
    name: query.name,
    names: query.names,
    ids: query.tool_ids,
    search: query.search,
    toolTypes: query.tool_types,
    excludeToolTypes: query.exclude_tool_types,
    tags: query.tags,
    onlyLettaTools: query.return_only_letta_tools,
  }
}

export function toolRoutes(tools: ToolService) {
  return createRouter()
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query')
      const cursor = {
        before: query.before,
        after: query.after,
        limit: query.limit,
        order: query.order,
      }
      return preparedJson(tools.listJson(toFilters(query), cursor))
    })
    .openapi(countRoute, (c) => {
      const query = c.req.valid('query')
      const filters = { ...toFilters(query), excludeLettaTools: query.exclude_letta_tools }
      return c.json(tools.count(filters, query.include_base_tools ?? false), 200)
    })
    .openapi(createToolRoute, (c) => c.json(tools.create(c.req.valid('json')), 200))
    .openapi(upsertRoute, (c) => c.json(tools.upsert(c.req.valid('json')), 200))
    .openapi(generateSchemaRoute, (c) => {
      const { code, source_type } = c.req.valid('json')
      return c.json(tools.generateSchema(code, source_type), 200)
    })
    .openapi(runRoute, async (c) => {
      const outcome = await tools.run(c.req.valid('json'), c.req.raw.signal)
      const toolReturn = {
        tool_call_id: `call_${randomUUID().replace(/-/g, '')}`,
        tool_return: outcome.toolReturn,
        status: outcome.status,
        stdout: outcome.stdout,
        stderr: outcome.stderr,
      }
      return c.json(
        {
          id: newId('message'),
          date: nowIso(),
          message_type: 'tool_return_message' as const,
          name: outcome.functionName ?? null,
          ...toolReturn,
          tool_returns: [{ type: 'tool' as const, ...toolReturn }],
          is_err: outcome.status === 'error',
          otid: null,
          sender_id: null,
          step_id: null,
          seq_id: null,
          run_id: null,
        },
        200,
      )
    })
    .openapi(getRoute, (c) => c.json(tools.get(c.req.valid('param').tool_id), 200))
    .openapi(updateRoute, (c) =>
      c.json(tools.update(c.req.valid('param').tool_id, c.req.valid('json')), 200),
    )
    .openapi(deleteRoute, (c) => {
      tools.delete(c.req.valid('param').tool_id)
      return c.json(null, 200)
    })
}
