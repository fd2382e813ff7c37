/** What a tool's fields may hold and how client input becomes them. */

import { HttpError } from '../../http/errors.ts'
import type { JsonObject, PackageRequirement, ToolFields } from '../../storage/tools-repository.ts'
import { SchemaDerivationError } from './python-source.ts'
import { deriveJsonSchema, lastFunctionName, type ToolJsonSchema } from './schema-derivation.ts'

export const MAX_TOOL_NAME_LENGTH = 48
export const DEFAULT_RETURN_CHAR_LIMIT = 6000

/** Fields a client may set on a tool; undefined leaves a field alone, null clears it. */
export interface ToolInput {
  source_code?: string | null | undefined
  source_type?: string | null | undefined
  description?: string | null | undefined
  tags?: string[] | null | undefined
  json_schema?: JsonObject | null | undefined
  args_json_schema?: JsonObject | null | undefined
  return_char_limit?: number | null | undefined
  pip_requirements?: PackageRequirement[] | null | undefined
  npm_requirements?: PackageRequirement[] | null | undefined
  default_requires_approval?: boolean | null | undefined
  enable_parallel_execution?: boolean | null | undefined
  metadata_?: JsonObject | null | undefined
}

export interface ToolCreateInput extends ToolInput {
  name?: string | null | undefined
  source_code: string
}

export interface ToolRunRequest {
  source_code: string
  args?: Record<string, unknown> | undefined
  env_vars?: Record<string, string> | undefined
  name?: string | null | undefined
  source_type?: string | null | undefined
  json_schema?: JsonObject | null | undefined
  return_char_limit?: number | null | undefined
}

export function emptyFields(name: string): ToolFields {
  return {
    name,
    tool_type: 'custom',
    description: null,
    source_type: 'python',
    tags: [],
    source_code: null,
    json_schema: null,
    args_json_schema: null,
    return_char_limit: DEFAULT_RETURN_CHAR_LIMIT,
    pip_requirements: null,
    npm_requirements: null,
    default_requires_approval: null,
    enable_parallel_execution: null,
    metadata_: null,
    project_id: null,
  }
}

type WritableKey =
  | 'args_json_schema'
  | 'pip_requirements'
  | 'npm_requirements'
  | 'default_requires_approval'
  | 'enable_parallel_execution'
  | 'metadata_'
  | 'description'

const PASSTHROUGH_KEYS: readonly WritableKey[] = [
  'args_json_schema',
  'pip_requirements',
  'npm_requirements',
  'default_requires_approval',
  'enable_parallel_execution',
  'metadata_',
  'description',
]

/** The nullable fields the client sent (null included), ready to spread over stored ones. */
export function definedEntries(input: ToolInput): Partial<Pick<ToolFields, WritableKey>> {
  const entries: Partial<Pick<ToolFields, WritableKey>> = {}
  for (const key of PASSTHROUGH_KEYS) {
    if (input[key] !== undefined) Object.assign(entries, { [key]: input[key] })
  }
  return entries
}

/** Reads the client's Python source; source that cannot be read is the client's error, 400. */
function readSource<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof SchemaDerivationError) throw new HttpError(400, error.message)
    throw error
  }
}

export function derive(code: string, name?: string): ToolJsonSchema {
  return readSource(() => deriveJsonSchema(code, name === undefined ? {} : { name }))
}

export function functionNameOf(code: string): string | undefined {
  return readSource(() => lastFunctionName(code))
}

/** The function a stored source defines, or undefined when it defines none or does not parse. */
export function functionNameIn(code: string | null): string | undefined {
  try {
    return code === null ? undefined : lastFunctionName(code)
  } catch {
    return undefined
  }
}

export function checkName(name: string): string {
  if (!name.trim()) throw new HttpError(400, 'The tool name cannot be empty')
  if (name.length > MAX_TOOL_NAME_LENGTH) {
    throw new HttpError(
      400,
      `Tool name '${name}' is ${name.length} characters long; the limit is ${MAX_TOOL_NAME_LENGTH}`,
    )
  }
  return name
}

export const nameTaken = (name: string) =>
  new HttpError(409, `Tool with name '${name}' already exists`)

export const isPython = (sourceType: string | null | undefined) =>
  sourceType == null || sourceType.toLowerCase() === 'python'

export const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' ? value : null
