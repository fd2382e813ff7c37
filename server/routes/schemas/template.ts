import { z } from '@hono/zod-openapi'

import { MAX_ID, MAX_LIST, MAX_NAME, MAX_TEXT } from './agent.ts'
import { exampleId, idParam } from './common.ts'

/** Bounds on memory variables: how many an agent may be given, and how long a value may be. */
export const MAX_VARIABLES = 100
export const MAX_VARIABLE_VALUE = 10_000

const TemplateName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" or "_" only')

export const TemplateSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('template') }),
    name: z.string().openapi({ description: 'The exact name of the template' }),
    project_id: z.string(),
    project_slug: z.string(),
    latest_version: z.string().openapi({ description: 'The latest version of the template' }),
    description: z.string().optional(),
    template_deployment_slug: z.string().openapi({
      description: 'The full name of the template, with project and latest version',
    }),
    created_at: z.string(),
    updated_at: z.string(),
    source_agent_id: z.string().nullable().openapi({ description: 'The agent it was saved from' }),
    source_agent_name: z.string().nullable(),
    variables: z
      .array(z.string())
      .openapi({ description: "The {{variables}} the latest version's memory blocks use" }),
    agent_count: z.number().int().openapi({ description: 'Agents that belong to the template' }),
  })
  .openapi('Template')

export const TemplateListSchema = z
  .object({ templates: z.array(TemplateSchema), has_next_page: z.boolean() })
  .openapi('TemplateList')

const Offset = z.coerce.number().int().min(0).max(1_000_000)
const Limit = z.coerce.number().int().min(1).max(100)

export const TemplateListQuerySchema = z.object({
  offset: Offset.optional(),
  limit: Limit.optional().openapi({ description: 'At most 100; 20 by default' }),
  name: z.string().max(MAX_NAME).optional().openapi({ description: 'Exact name' }),
  search: z
    .string()
    .max(MAX_NAME)
    .optional()
    .openapi({ description: 'Case-insensitive text in the name' }),
  exact: z.string().max(10).optional().openapi({
    description: 'Accepted for compatibility: name is always an exact match',
  }),
  sort_by: z.enum(['updated_at', 'created_at']).optional(),
})

export const TemplateVersionSchema = z
  .object({
    version: z.string(),
    created_at: z.string(),
    message: z.string().optional(),
    is_latest: z.boolean(),
    variables: z.array(z.string()),
  })
  .openapi('TemplateVersion')

export const TemplateVersionListSchema = z
  .object({
    versions: z.array(TemplateVersionSchema),
    has_next_page: z.boolean(),
    total_count: z.number().int(),
  })
  .openapi('TemplateVersionList')

export const TemplateVersionsQuerySchema = z.object({
  offset: Offset.optional(),
  limit: Limit.optional().openapi({ description: 'At most 100; 50 by default' }),
})

const NamedRef = z.object({ id: z.string(), name: z.string() })

export const TemplateSnapshotSchema = z
  .object({
    template_id: z.string(),
    template_name: z.string(),
    version: z.string(),
    message: z.string().nullable(),
    created_at: z.string(),
    is_latest: z.boolean(),
    variables: z.array(z.string()),
    agent_name: z.string(),
    agent_type: z.string(),
    description: z.string().nullable(),
    system: z.string(),
    model: z.string().nullable(),
    tags: z.array(z.string()),
    blocks: z.array(
      z.object({
        label: z.string(),
        value: z.string(),
        limit: z.number().int(),
        description: z.string().nullable(),
        read_only: z.boolean(),
        preserve_on_migration: z.boolean(),
      }),
    ),
    tools: z.array(NamedRef),
    sources: z.array(NamedRef),
  })
  .openapi('TemplateSnapshot')

export const TemplateNameParamsSchema = z.object({
  template_name: TemplateName.openapi({ param: { name: 'template_name', in: 'path' } }),
})

const TemplateVersionParam = z
  .string()
  .min(3)
  .max(120)
  .openapi({
    param: { name: 'template_version', in: 'path' },
    description: 'name:N or name:latest',
    example: 'support-agent:latest',
  })

export const TemplateVersionParamsSchema = z.object({ template_version: TemplateVersionParam })

export const ProjectTemplateParamsSchema = z.object({
  project_id: z
    .string()
    .max(MAX_ID)
    .openapi({ param: { name: 'project_id', in: 'path' }, example: 'default-project' }),
  name: TemplateName.openapi({ param: { name: 'name', in: 'path' } }),
})

export const ProjectTemplateVersionParamsSchema = z.object({
  project_id: z
    .string()
    .max(MAX_ID)
    .openapi({ param: { name: 'project_id', in: 'path' }, example: 'default-project' }),
  template_version: TemplateVersionParam,
})

const VariableName = z
  .string()
  .max(MAX_NAME)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a letter or "_", then letters, digits or "_"')

export const CreateAgentsFromTemplateSchema = z
  .object({
    agent_name: z.string().max(MAX_NAME).optional(),
    tags: z.array(z.string().max(MAX_NAME)).max(MAX_LIST).optional(),
    memory_variables: z
      .record(VariableName, z.string().max(MAX_VARIABLE_VALUE))
      .refine((values) => Object.keys(values).length <= MAX_VARIABLES, {
        message: `At most ${MAX_VARIABLES} memory variables`,
      })
      .optional()
      .openapi({ description: 'A value for each {{variable}} the version uses' }),
    tool_variables: z
      .record(z.string().max(MAX_NAME), z.string().max(MAX_VARIABLE_VALUE))
      .optional()
      .openapi({ description: 'Accepted for compatibility; tools here have no variables' }),
    identity_ids: z.array(z.string().max(MAX_ID)).max(MAX_LIST).optional(),
    initial_message_sequence: z
      .array(
        z.object({
          role: z.enum(['user', 'system', 'assistant']),
          content: z.string().max(MAX_TEXT),
          name: z.string().max(MAX_NAME).nullable().optional(),
          otid: z.string().max(MAX_ID).nullable().optional(),
          sender_id: z.string().max(MAX_ID).nullable().optional(),
          batch_item_id: z.string().max(MAX_ID).nullable().optional(),
          group_id: z.string().max(MAX_ID).nullable().optional(),
        }),
      )
      .max(MAX_LIST)
      .optional(),
  })
  .openapi('CreateAgentsFromTemplate')

export const CreatedAgentsSchema = z
  .object({
    agent_ids: z.array(z.string()),
    group_id: z.string().nullable(),
    deployment_id: z.string(),
  })
  .openapi('CreatedAgentsFromTemplate')

export const CreateTemplateFromAgentSchema = z
  .object({
    project: z.string().max(MAX_ID).optional().openapi({
      description: 'Accepted for compatibility: this server has one project',
    }),
    name: TemplateName.optional().openapi({
      description: "The template's name; from the agent's name by default",
    }),
  })
  .openapi('CreateTemplateFromAgent')

export const TemplateCreatedSchema = z
  .object({ templateName: z.string(), templateId: z.string() })
  .openapi('TemplateCreated')

export const VersionTemplateSchema = z
  .object({
    message: z.string().max(1000).optional().openapi({ description: 'What changed' }),
    migrate_deployed_agents: z.boolean().optional().openapi({
      description: 'Accepted for compatibility: agents keep the version they were made from',
    }),
    preserve_tool_variables: z.boolean().optional(),
  })
  .openapi('VersionTemplate')

export const TemplateVersionedSchema = z
  .object({ templateName: z.string(), templateId: z.string(), version: z.string() })
  .openapi('TemplateVersioned')

export const AgentVariablesSchema = z
  .object({
    variables: z.record(z.string(), z.string()),
    template: z
      .object({
        id: z.string(),
        name: z.string(),
        version: z.string(),
        exists: z.boolean().openapi({ description: 'False once the template is deleted' }),
      })
      .nullable()
      .openapi({ description: 'The template version the agent belongs to' }),
  })
  .openapi('AgentVariables')

export const AgentIdParams = idParam('agent_id')
