import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { AgentService } from '../services/agents/agent-service.ts'
import type { TemplateService } from '../services/templates/template-service.ts'
import { AgentStateSchema } from './schemas/agent.ts'
import { QueryBoolean } from './schemas/common.ts'
import {
  AgentIdParams,
  AgentVariablesSchema,
  CreateAgentsFromTemplateSchema,
  CreatedAgentsSchema,
  CreateTemplateFromAgentSchema,
  ProjectTemplateParamsSchema,
  ProjectTemplateVersionParamsSchema,
  TemplateCreatedSchema,
  TemplateListQuerySchema,
  TemplateListSchema,
  TemplateNameParamsSchema,
  TemplateSnapshotSchema,
  TemplateVersionedSchema,
  TemplateVersionListSchema,
  TemplateVersionParamsSchema,
  TemplateVersionsQuerySchema,
  VersionTemplateSchema,
} from './schemas/template.ts'

const tags = ['templates']

/** A body the client may leave out entirely. */
const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
})

const createFromAgentRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/template',
  tags,
  summary:
    'Save the agent as version 1 of a new template (system prompt, blocks, tools, sources, model)',
  request: { params: AgentIdParams, body: optionalJsonBody(CreateTemplateFromAgentSchema) },
  responses: {
    201: jsonResponse(TemplateCreatedSchema, 'The new template'),
    ...errorResponses(400, 404, 409, 422),
  },
})

const versionFromAgentRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/version-template',
  tags,
  summary:
    "Save the agent's current design as a new version of its template, or as a new template when it has none",
  request: {
    params: AgentIdParams,
    query: z.object({
      returnAgentState: QueryBoolean.optional().openapi({
        description: 'Answer with the agent instead of the version',
      }),
    }),
    body: optionalJsonBody(VersionTemplateSchema),
  },
  responses: {
    201: jsonResponse(
      z.union([TemplateVersionedSchema, AgentStateSchema]),
      'The version saved, or the agent when returnAgentState=true',
    ),
    ...errorResponses(400, 404, 409, 422),
  },
})

const variablesRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/core-memory/variables',
  tags,
  summary:
    'The memory variables the agent was created with, and the template version it belongs to',
  request: { params: AgentIdParams },
  responses: {
    200: jsonResponse(AgentVariablesSchema, 'The variables'),
    ...errorResponses(404),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/v1/templates',
  tags,
  summary: 'List templates, most recently changed first',
  request: { query: TemplateListQuerySchema },
  responses: {
    200: jsonResponse(TemplateListSchema, 'One page of templates'),
    ...errorResponses(422),
  },
})

const versionsRoute = createRoute({
  method: 'get',
  path: '/v1/templates/{project_id}/{name}/versions',
  tags,
  summary: 'The versions of a template with their messages, newest first',
  request: { params: ProjectTemplateParamsSchema, query: TemplateVersionsQuerySchema },
  responses: {
    200: jsonResponse(TemplateVersionListSchema, 'One page of versions'),
    ...errorResponses(404, 422),
  },
})

const snapshotRoute = createRoute({
  method: 'get',
  path: '/v1/templates/{project_id}/{template_version}/snapshot',
  tags,
  summary: 'What one version holds: system prompt, memory blocks, tools, sources and model',
  request: { params: ProjectTemplateVersionParamsSchema },
  responses: {
    200: jsonResponse(TemplateSnapshotSchema, 'The version'),
    ...errorResponses(400, 404),
  },
})

const createAgentsRoute = createRoute({
  method: 'post',
  path: '/v1/templates/{template_version}/agents',
  tags,
  summary: 'Create an agent from a template version, filling its {{variables}}',
  request: {
    params: TemplateVersionParamsSchema,
    body: optionalJsonBody(CreateAgentsFromTemplateSchema),
  },
  responses: {
    201: jsonResponse(CreatedAgentsSchema, 'The agent created'),
    ...errorResponses(400, 404, 409, 422),
  },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/templates/{template_name}',
  tags,
  summary: 'Delete a template and all its versions; agents made from it stay, with their variables',
  request: { params: TemplateNameParamsSchema },
  responses: {
    200: jsonResponse(z.object({ success: z.boolean() }), 'Deleted'),
    ...errorResponses(404),
  },
})

export function templateRoutes(templates: TemplateService, agents: AgentService) {
  return createRouter()
    .openapi(createFromAgentRoute, (c) => {
      const body = c.req.valid('json') as z.output<typeof CreateTemplateFromAgentSchema> | undefined
      const template = templates.saveAgentAsTemplate(c.req.valid('param').agent_id, {
        name: body?.name,
      })
      return c.json({ templateName: template.name, templateId: template.id }, 201)
    })
    .openapi(versionFromAgentRoute, (c) => {
      const agentId = c.req.valid('param').agent_id
      const body = c.req.valid('json') as z.output<typeof VersionTemplateSchema> | undefined
      const { template, version } = templates.versionFromAgent(agentId, body?.message)
      if (c.req.valid('query').returnAgentState) return c.json(agents.get(agentId), 201)
      return c.json(
        { templateName: template.name, templateId: template.id, version: String(version) },
        201,
      )
    })
    .openapi(variablesRoute, (c) =>
      c.json(templates.variablesOf(c.req.valid('param').agent_id), 200),
    )
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query')
      return c.json(
        templates.list({
          offset: query.offset ?? 0,
          limit: query.limit ?? 20,
          name: query.name,
          search: query.search,
          sortBy: query.sort_by ?? 'updated_at',
        }),
        200,
      )
    })
    .openapi(versionsRoute, (c) => {
      const { project_id, name } = c.req.valid('param')
      const query = c.req.valid('query')
      return c.json(templates.versions(project_id, name, query.offset ?? 0, query.limit ?? 50), 200)
    })
    .openapi(snapshotRoute, (c) => {
      const { project_id, template_version } = c.req.valid('param')
      return c.json(templates.snapshot(project_id, template_version), 200)
    })
    .openapi(createAgentsRoute, (c) => {
      const body = (c.req.valid('json') ?? {}) as z.output<typeof CreateAgentsFromTemplateSchema>
      return c.json(templates.createAgents(c.req.valid('param').template_version, body), 201)
    })
    .openapi(deleteRoute, (c) => {
      templates.delete(c.req.valid('param').template_name)
      return c.json({ success: true }, 200)
    })
}
