import type { AppConfig } from '../../config.ts'
import { HttpError, notFound } from '../../http/errors.ts'
import type { Db } from '../../storage/db.ts'
import type { JsonBytes } from '../../storage/list-json-cache.ts'
import type { CursorParams } from '../../storage/pagination.ts'
import { isUniqueViolation } from '../../storage/sql.ts'
import {
  ToolsRepository,
  type JsonObject,
  type Tool,
  type ToolFields,
  type ToolFilters,
} from '../../storage/tools-repository.ts'
import { BASE_TOOLS } from './base-tools.ts'
import { detectToolIsolation, type ToolIsolation } from './sandbox.ts'
import { deriveJsonSchema, type ToolJsonSchema } from './schema-derivation.ts'
import {
  checkName,
  DEFAULT_RETURN_CHAR_LIMIT,
  definedEntries,
  derive,
  emptyFields,
  functionNameIn,
  functionNameOf,
  isPython,
  nameTaken,
  stringOrNull,
  type ToolCreateInput,
  type ToolInput,
  type ToolRunRequest,
} from './tool-fields.ts'
import { PythonUnavailableError, ToolRunner, type ToolRunOutcome } from './tool-runner.ts'

export type { ToolCreateInput, ToolInput, ToolRunRequest } from './tool-fields.ts'

let detectedIsolation: ToolIsolation | undefined
/** Detected once per process: the machine does not change while the server runs. */
function cachedToolIsolation(): ToolIsolation {
  detectedIsolation ??= detectToolIsolation()
  return detectedIsolation
}

/** The tool service for an app: its storage, a runner for its Python, and the built-ins in place. */
export function createToolService(config: AppConfig, db: Db): ToolService {
  const isolation: ToolIsolation = config.toolSandbox
    ? cachedToolIsolation()
    : { kind: 'none', reason: 'turned off with --no-tool-sandbox' }
  const runner = new ToolRunner({
    pythonPath: config.pythonPath,
    timeoutSeconds: config.toolTimeoutSeconds,
    searchPath: process.env.PATH,
    isolation,
    network: config.toolNetwork,
    memoryBytes: config.toolMemoryBytes,
  })
  const service = new ToolService(new ToolsRepository(db), runner, {
    toolExecution: config.toolExecution,
    isolation,
  })
  service.seedBaseTools()
  return service
}

/** Tools: CRUD with json_schema derived from Python source, Letta's built-ins, and runs in child processes. */
export class ToolService {
  constructor(
    private readonly repository: ToolsRepository,
    private readonly runner: ToolRunner,
    private readonly options: { toolExecution: boolean; isolation: ToolIsolation },
  ) {}

  /** How this server contains tool runs, for the startup log. */
  get isolation(): ToolIsolation {
    return this.options.isolation
  }

  /** Creates the built-in tools, or brings them up to date; safe to run at every start. */
  seedBaseTools(): void {
    for (const base of BASE_TOOLS) {
      const jsonSchema = deriveJsonSchema(base.sourceCode)
      const fields: ToolFields = {
        ...emptyFields(base.name),
        tool_type: base.toolType,
        description: jsonSchema.description,
        source_type: 'python',
        tags: [base.toolType],
        source_code: base.sourceCode,
        json_schema: { ...jsonSchema },
      }
      const existing = this.repository.getByName(base.name)
      if (!existing) this.repository.insert(fields, { builtin: true })
      else if (this.repository.isBuiltin(existing.id)) this.repository.update(existing.id, fields)
    }
  }

  list(filters: ToolFilters, cursor: CursorParams): Tool[] {
    return this.repository.list(filters, cursor)
  }

  /** list() as the JSON sent to clients. */
  listJson(filters: ToolFilters, cursor: CursorParams): JsonBytes<Tool[]> {
    return this.repository.listJson(filters, cursor)
  }

  count(filters: ToolFilters, includeBaseTools: boolean): number {
    return this.repository.count({ ...filters, excludeBuiltin: !includeBaseTools })
  }

  get(id: string): Tool {
    const tool = this.repository.get(id)
    if (!tool) throw notFound('Tool', id)
    return tool
  }

  create(input: ToolCreateInput): Tool {
    const fields = this.fieldsForCreate(input)
    if (this.repository.getByName(fields.name)) throw nameTaken(fields.name)
    return this.saving(fields.name, () => this.repository.insert(fields))
  }

  /** PUT: updates the tool with the derived (or given) name, or creates it. */
  upsert(input: ToolCreateInput): Tool {
    const fields = this.fieldsForCreate(input)
    const existing = this.repository.getByName(fields.name)
    if (!existing) return this.saving(fields.name, () => this.repository.insert(fields))
    this.assertChangeable(existing, 'changed')
    const sent = definedEntries(input)
    const next: ToolFields = {
      ...existing,
      ...sent,
      name: fields.name,
      source_code: fields.source_code,
      source_type: fields.source_type,
      json_schema: fields.json_schema,
      description: fields.description,
      tags: input.tags === undefined ? existing.tags : (input.tags ?? []),
      return_char_limit: input.return_char_limit ?? existing.return_char_limit,
    }
    return this.saving(fields.name, () => this.repository.update(existing.id, next) as Tool)
  }

  /** PATCH: only the fields sent change; new Python source re-derives json_schema unless one is sent. */
  update(id: string, input: ToolInput): Tool {
    const existing = this.get(id)
    this.assertChangeable(existing, 'changed')
    const sent = definedEntries(input)
    const next: ToolFields = {
      ...existing,
      ...sent,
      source_code: input.source_code ?? existing.source_code,
      source_type: input.source_type ?? existing.source_type,
      tags: input.tags === undefined ? existing.tags : (input.tags ?? []),
      return_char_limit: input.return_char_limit ?? existing.return_char_limit,
    }
    const sourceChanged = input.source_code != null && input.source_code !== existing.source_code
    let newSchema: JsonObject | null | undefined = input.json_schema
    if (newSchema === undefined && sourceChanged && isPython(next.source_type)) {
      // A name chosen apart from the function's stays; otherwise the name follows the function.
      const chosenName = existing.name !== functionNameIn(existing.source_code)
      newSchema = { ...derive(next.source_code ?? '', chosenName ? existing.name : undefined) }
    }
    if (newSchema !== undefined) {
      next.json_schema = newSchema
      const schemaName = newSchema?.name
      if (typeof schemaName === 'string' && schemaName) next.name = checkName(schemaName)
      // The last edit wins: a changed docstring replaces the description; an unchanged one keeps it.
      const docstringBefore = docstringDescription(existing.source_code, existing.json_schema)
      const docstringAfter = stringOrNull(newSchema?.description)
      if (
        input.description === undefined &&
        (docstringAfter !== docstringBefore || existing.description === null)
      ) {
        next.description = docstringAfter
      }
    }
    // Agents read the schema's description: it says what the tool's description says.
    if (input.json_schema === undefined && next.json_schema && next.description !== null) {
      next.json_schema = { ...next.json_schema, description: next.description }
    }
    if (next.name !== existing.name && this.repository.getByName(next.name)) {
      throw nameTaken(next.name)
    }
    return this.saving(next.name, () => this.repository.update(id, next) as Tool)
  }

  delete(id: string): void {
    const existing = this.get(id)
    this.assertChangeable(existing, 'deleted')
    this.repository.delete(id)
  }

  generateSchema(code: string, sourceType: string | null | undefined): ToolJsonSchema {
    if (!isPython(sourceType)) {
      throw new HttpError(
        400,
        `Schemas can be generated from Python source only, not '${sourceType}'`,
      )
    }
    return derive(code)
  }

  async run(request: ToolRunRequest, signal?: AbortSignal): Promise<ToolRunOutcome> {
    if (!this.options.toolExecution) {
      throw new HttpError(
        403,
        'Tool execution is disabled on this server: start it with --allow-tool-execution to run tools',
      )
    }
    if (!isPython(request.source_type)) {
      throw new HttpError(400, `Only Python tools can be run here, not '${request.source_type}'`)
    }
    const schemaName = request.json_schema?.name
    try {
      return await this.runner.run(
        {
          sourceCode: request.source_code,
          args: request.args ?? {},
          envVars: request.env_vars ?? {},
          name: request.name ?? (typeof schemaName === 'string' ? schemaName : undefined),
          returnCharLimit: request.return_char_limit ?? DEFAULT_RETURN_CHAR_LIMIT,
        },
        signal,
      )
    } catch (error) {
      if (error instanceof PythonUnavailableError) throw new HttpError(501, error.message)
      throw error
    }
  }

  /** Kills running tools, for shutdown. */
  close(): void {
    this.runner.close()
  }

  private fieldsForCreate(input: ToolCreateInput): ToolFields {
    const sourceType = input.source_type ?? 'python'
    const python = isPython(sourceType)
    const givenName = input.name ?? undefined
    if (givenName !== undefined) checkName(givenName)
    let jsonSchema = input.json_schema ?? undefined
    if (!jsonSchema) {
      if (!python) {
        throw new HttpError(
          400,
          `A json_schema is required for '${sourceType}' tools: only Python source is read`,
        )
      }
      jsonSchema = { ...derive(input.source_code, givenName) }
    }
    const schemaName = typeof jsonSchema.name === 'string' ? jsonSchema.name : undefined
    const name = givenName ?? schemaName ?? (python ? functionNameOf(input.source_code) : undefined)
    if (!name) {
      throw new HttpError(400, 'The tool has no name: send a name, or a json_schema with one')
    }
    return {
      ...emptyFields(checkName(name)),
      ...definedEntries(input),
      name,
      source_type: sourceType,
      source_code: input.source_code,
      json_schema: jsonSchema,
      description: input.description ?? stringOrNull(jsonSchema.description),
      tags: input.tags ?? [],
      return_char_limit: input.return_char_limit ?? DEFAULT_RETURN_CHAR_LIMIT,
    }
  }

  private assertChangeable(tool: Tool, what: 'changed' | 'deleted'): void {
    if (this.repository.isBuiltin(tool.id)) {
      throw new HttpError(403, `${tool.name} is a built-in Letta tool and cannot be ${what}`)
    }
  }

  /** Runs a write, turning a name that became taken meanwhile into 409. */
  private saving(name: string, write: () => Tool): Tool {
    try {
      return write()
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name)
      throw error
    }
  }
}

/** What a tool's docstring says it does, or the stored schema's word when the source does not parse. */
function docstringDescription(
  sourceCode: string | null | undefined,
  jsonSchema: JsonObject | null | undefined,
): string | null {
  try {
    return stringOrNull(derive(sourceCode ?? '').description)
  } catch {
    return stringOrNull(jsonSchema?.description)
  }
}
