import { z } from '@hono/zod-openapi'

import { TOOL_TYPES } from '../../storage/tools-repository.ts'
import {
  boundedString,
  exampleId,
  idParam,
  QueryBoolean,
  splitQueryList,
  TEXT_BOUNDS,
} from './common.ts'

export const MAX_RETURN_CHAR_LIMIT = 1_000_000

export const ToolTypeSchema = z.enum(TOOL_TYPES).openapi('ToolType')

const JsonObjectSchema = z.record(z.string(), z.unknown())

export const PipRequirementSchema = z
  .object({
    name: boundedString(TEXT_BOUNDS.name).min(1),
    version: boundedString(TEXT_BOUNDS.name).nullable().optional(),
  })
  .openapi('PipRequirement')
export const NpmRequirementSchema = z
  .object({
    name: boundedString(TEXT_BOUNDS.name).min(1),
    version: boundedString(TEXT_BOUNDS.name).nullable().optional(),
  })
  .openapi('NpmRequirement')

const ReturnCharLimitSchema = z.number().int().min(1).max(MAX_RETURN_CHAR_LIMIT)

export const ToolSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('tool') }),
    tool_type: ToolTypeSchema,
    description: z.string().nullable(),
    source_type: z.string().nullable(),
    name: z.string(),
    tags: z.array(z.string()),
    source_code: z.string().nullable(),
    json_schema: JsonObjectSchema.nullable(),
    args_json_schema: JsonObjectSchema.nullable(),
    return_char_limit: z.number().int(),
    pip_requirements: z.array(PipRequirementSchema).nullable(),
    npm_requirements: z.array(NpmRequirementSchema).nullable(),
    default_requires_approval: z.boolean().nullable(),
    enable_parallel_execution: z.boolean().nullable(),
    created_by_id: z.string().nullable(),
    last_updated_by_id: z.string().nullable(),
    metadata_: JsonObjectSchema.nullable(),
    project_id: z.string().nullable(),
  })
  .openapi('Tool')

const nameString = boundedString(TEXT_BOUNDS.name)
const sourceCodeString = boundedString(TEXT_BOUNDS.sourceCode)
const boundedList = <T extends z.ZodType>(item: T) => z.array(item).max(TEXT_BOUNDS.listItems)

const toolWritableFields = {
  description: boundedString(TEXT_BOUNDS.description).nullable().optional(),
  tags: boundedList(nameString).nullable().optional(),
  json_schema: JsonObjectSchema.nullable().optional().openapi({
    description: 'Derived from source_code (Python) when not given',
  }),
  args_json_schema: JsonObjectSchema.nullable().optional(),
  pip_requirements: boundedList(PipRequirementSchema).nullable().optional(),
  npm_requirements: boundedList(NpmRequirementSchema).nullable().optional(),
  default_requires_approval: z.boolean().nullable().optional(),
  enable_parallel_execution: z.boolean().nullable().optional(),
  metadata_: JsonObjectSchema.nullable().optional(),
}

export const ToolCreateSchema = z
  .object({
    name: nameString.nullable().optional().openapi({
      description:
        "At most 48 characters; the function's name (or json_schema.name) when not given",
    }),
    source_code: sourceCodeString,
    source_type: nameString.nullable().optional().openapi({ description: "Defaults to 'python'" }),
    return_char_limit: ReturnCharLimitSchema.nullable().optional().openapi({
      description: 'Defaults to 6000',
    }),
    ...toolWritableFields,
  })
  .openapi('ToolCreate')

export const ToolUpdateSchema = z
  .object({
    source_code: sourceCodeString.nullable().optional().openapi({
      description:
        'A changed source re-derives json_schema (and so the name) unless json_schema is sent too',
    }),
    source_type: nameString.nullable().optional(),
    return_char_limit: ReturnCharLimitSchema.nullable().optional(),
    ...toolWritableFields,
  })
  .openapi('ToolUpdate')

export const ParameterSchemaSchema = z
  .record(z.string(), z.unknown())
  .openapi('ToolParameterSchema')

export const ToolJsonSchemaSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    parameters: z.object({
      type: z.literal('object'),
      properties: z.record(z.string(), ParameterSchemaSchema),
      required: z.array(z.string()),
    }),
  })
  .openapi('ToolJsonSchema')

export const GenerateToolSchemaRequestSchema = z
  .object({
    code: sourceCodeString.openapi({
      description: 'The tool source; its last top-level function is read',
    }),
    source_type: nameString
      .nullable()
      .optional()
      .openapi({ description: "Only 'python' (the default)" }),
  })
  .openapi('GenerateToolSchemaRequest')

// Names and values that an operating system environment can hold.
const EnvVarsSchema = z.record(
  nameString.regex(/^[^=\0]+$/, 'Environment variable names cannot be empty or contain = or NUL'),
  boundedString(TEXT_BOUNDS.envValue).regex(
    /^[^\0]*$/,
    'Environment variable values cannot contain NUL',
  ),
)

export const ToolRunFromSourceSchema = z
  .object({
    source_code: sourceCodeString,
    args: JsonObjectSchema.optional().openapi({
      description: 'Keyword arguments for the function',
    }),
    env_vars: EnvVarsSchema.optional().openapi({
      description: 'The whole environment of the run: nothing else from the server is passed',
    }),
    name: nameString.nullable().optional().openapi({
      description: 'The function to call; the last top-level function when absent or undefined',
    }),
    source_type: nameString.nullable().optional(),
    args_json_schema: JsonObjectSchema.nullable().optional(),
    json_schema: JsonObjectSchema.nullable().optional(),
    pip_requirements: boundedList(PipRequirementSchema).nullable().optional(),
    npm_requirements: boundedList(NpmRequirementSchema).nullable().optional(),
    return_char_limit: ReturnCharLimitSchema.nullable().optional().openapi({
      description: 'Cuts tool_return, stdout and stderr; defaults to 6000',
    }),
  })
  .openapi('ToolRunFromSource')

export const ToolReturnMessageSchema = z
  .object({
    id: z.string(),
    date: z.string(),
    message_type: z.literal('tool_return_message'),
    name: z.string().nullable(),
    tool_call_id: z.string(),
    tool_return: z.string(),
    status: z.enum(['success', 'error']),
    stdout: z.array(z.string()),
    stderr: z.array(z.string()),
    // Letta's newer field: the same return as a list, as an agent step with several calls has.
    tool_returns: z.array(
      z.object({
        type: z.literal('tool'),
        tool_return: z.string(),
        status: z.enum(['success', 'error']),
        tool_call_id: z.string(),
        stdout: z.array(z.string()),
        stderr: z.array(z.string()),
      }),
    ),
    is_err: z.boolean(),
    // Fields of a message inside an agent's run; a tool run outside any agent has none.
    otid: z.string().nullable(),
    sender_id: z.string().nullable(),
    step_id: z.string().nullable(),
    seq_id: z.number().int().nullable(),
    run_id: z.string().nullable(),
  })
  .openapi('ToolReturnMessage')

/** A query list given as repeated params (`?x=a&x=b`), comma-separated (`?x=a,b`), or both. */
const QueryListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(splitQueryList)

// Documented as a boolean, as Letta does: on the wire a query string carries `true` or `false`.

export const ToolFilterQuerySchema = z.object({
  name: z.string().optional().openapi({ description: 'Exact tool name' }),
  names: QueryListSchema.openapi({ description: 'Any of these exact names' }),
  tool_ids: QueryListSchema.openapi({ description: 'Any of these tool ids' }),
  search: z
    .string()
    .optional()
    .openapi({ description: 'Case-insensitive text in the name, description or tags' }),
  tool_types: QueryListSchema.openapi({
    description: 'Any of these tool types; repeat the param or separate with commas',
  }),
  exclude_tool_types: QueryListSchema.openapi({ description: 'None of these tool types' }),
  tags: QueryListSchema.openapi({ description: 'Tools with any of these tags' }),
  return_only_letta_tools: QueryBoolean.optional().openapi({
    description: "Only tools whose type starts with 'letta_'",
  }),
})

export const ToolListQuerySchema = ToolFilterQuerySchema.extend({
  before: z.string().optional().openapi({ description: 'A tool id: the tools before it' }),
  after: z.string().optional().openapi({ description: 'A tool id: the tools after it' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ description: 'Defaults to 50' }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .openapi({ description: "Creation order; 'asc' (oldest first) by default" }),
})

export const ToolCountQuerySchema = ToolFilterQuerySchema.extend({
  include_base_tools: QueryBoolean.optional().openapi({
    description: "Count Letta's built-in tools too (false by default)",
  }),
  exclude_letta_tools: QueryBoolean.optional().openapi({
    description: "Leave out tools whose type starts with 'letta_'",
  }),
})

export const ToolIdParamsSchema = idParam('tool_id')
