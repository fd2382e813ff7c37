/** Compares two OpenAPI documents operation by operation: what a client of one needs from the other. */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | unknown>>
  components?: { schemas?: Record<string, Schema> }
}

export interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: Schema
}

export interface Operation {
  parameters?: (Parameter | { $ref: string })[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
}

export interface Schema {
  $ref?: string
  type?: string | string[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  const?: unknown
  enum?: unknown[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** `/v1/sources/{source_id}/files/` and `/v1/sources/{id}/files` are the same route to a client. */
export function routeKey(method: string, path: string): string {
  const normalised = path.replace(/\/+$/, '').replace(/\{[^}]+\}/g, '{}')
  return `${method.toUpperCase()} ${normalised}`
}

export interface OperationRef {
  key: string
  path: string
  method: string
  operation: Operation
}

export function operationsOf(document: OpenApiDocument): Map<string, OperationRef> {
  const operations = new Map<string, OperationRef>()
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined
      if (operation) {
        const key = routeKey(method, path)
        operations.set(key, { key, path, method, operation })
      }
    }
  }
  return operations
}

function resolve(document: OpenApiDocument, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 20) return {}
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? ''
    return resolve(document, document.components?.schemas?.[name], depth + 1)
  }
  return schema
}

/** The JSON types a schema allows, null left out: a field that may be null is still that type. */
export function typesOf(
  document: OpenApiDocument,
  raw: Schema | undefined,
  depth = 0,
): Set<string> {
  const schema = resolve(document, raw)
  const types = new Set<string>()
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) {
    for (const variant of variants)
      for (const type of typesOf(document, variant, depth + 1)) types.add(type)
    return types
  }
  if (schema.allOf) {
    for (const part of schema.allOf)
      for (const type of typesOf(document, part, depth + 1)) types.add(type)
    return types
  }
  const declared = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  for (const type of declared) {
    if (type === 'null') continue
    types.add(type === 'integer' ? 'number' : type)
  }
  if (declared.length === 0) {
    if (schema.properties) types.add('object')
    else if (schema.items) types.add('array')
    else if (typeof schema.const === 'string' || typeof schema.enum?.[0] === 'string')
      types.add('string')
  }
  return types
}

/** The object a response holds: its own properties, or its items' for an array. */
function objectShape(
  document: OpenApiDocument,
  raw: Schema | undefined,
): Record<string, Schema> | undefined {
  const schema = resolve(document, raw)
  if (schema.items) return objectShape(document, schema.items)
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) {
    const objects = variants.map((variant) => objectShape(document, variant)).filter(Boolean)
    return objects.length === 1 ? objects[0] : undefined
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => objectShape(document, part) ?? {}))
  }
  return schema.properties
}

function successSchema(operation: Operation): Schema | undefined {
  const responses = operation.responses ?? {}
  const ok = responses['200'] ?? responses['201']
  return ok?.content?.['application/json']?.schema
}

function parametersOf(document: OpenApiDocument, operation: Operation): Parameter[] {
  return (operation.parameters ?? []).map((parameter) =>
    '$ref' in parameter
      ? (resolve(document, parameter as Schema) as unknown as Parameter)
      : parameter,
  )
}

export interface Difference {
  /** e.g. `GET /v1/tools/{}` */
  operation: string
  /** e.g. `query limit: required here, optional upstream` */
  what: string
}

const sameTypes = (a: Set<string>, b: Set<string>) =>
  a.size === 0 || b.size === 0 || [...a].some((type) => b.has(type))

/**
 * Differences that would break a client written against `upstream` when it talks to `ours`:
 * a parameter we require that upstream does not, a required query parameter upstream has and we
 * lack, a response of another type, and response fields upstream sends that we do not (or of
 * another type). Path parameters are matched by position, since only their names differ.
 */
export function compareOperation(
  ours: OpenApiDocument,
  ourOperation: Operation,
  upstream: OpenApiDocument,
  upstreamOperation: Operation,
  key: string,
): Difference[] {
  const differences: Difference[] = []
  const add = (what: string) => differences.push({ operation: key, what })

  const ourParameters = parametersOf(ours, ourOperation).filter((p) => p.in === 'query')
  const upstreamParameters = parametersOf(upstream, upstreamOperation).filter(
    (p) => p.in === 'query',
  )
  for (const parameter of ourParameters) {
    const theirs = upstreamParameters.find((p) => p.name === parameter.name)
    if (parameter.required && !theirs?.required) {
      add(`query ${parameter.name}: required here, ${theirs ? 'optional' : 'absent'} upstream`)
    }
    if (theirs && !sameTypes(typesOf(ours, parameter.schema), typesOf(upstream, theirs.schema))) {
      add(
        `query ${parameter.name}: type ${[...typesOf(ours, parameter.schema)].join('|')} here, ${[...typesOf(upstream, theirs.schema)].join('|')} upstream`,
      )
    }
  }
  for (const parameter of upstreamParameters) {
    if (parameter.required && !ourParameters.some((p) => p.name === parameter.name)) {
      add(`query ${parameter.name}: required upstream, absent here`)
    }
  }

  const ourResponse = successSchema(ourOperation)
  const upstreamResponse = successSchema(upstreamOperation)
  const ourTypes = typesOf(ours, ourResponse)
  const upstreamTypes = typesOf(upstream, upstreamResponse)
  if (!sameTypes(ourTypes, upstreamTypes)) {
    add(`response: ${[...ourTypes].join('|')} here, ${[...upstreamTypes].join('|')} upstream`)
    return differences
  }
  const ourFields = objectShape(ours, ourResponse)
  const upstreamFields = objectShape(upstream, upstreamResponse)
  if (!ourFields || !upstreamFields) return differences
  for (const [name, schema] of Object.entries(upstreamFields)) {
    const ourField = ourFields[name]
    if (!ourField) {
      add(`response field ${name}: absent here`)
      continue
    }
    const here = typesOf(ours, ourField)
    const there = typesOf(upstream, schema)
    if (!sameTypes(here, there)) {
      add(`response field ${name}: ${[...here].join('|')} here, ${[...there].join('|')} upstream`)
    }
  }
  return differences
}

export function compareDocuments(ours: OpenApiDocument, upstream: OpenApiDocument) {
  const ourOperations = operationsOf(ours)
  const upstreamOperations = operationsOf(upstream)
  const shared: string[] = []
  const differences: Difference[] = []
  for (const [key, ourOperation] of ourOperations) {
    const theirs = upstreamOperations.get(key)
    if (!theirs) continue
    shared.push(key)
    differences.push(
      ...compareOperation(ours, ourOperation.operation, upstream, theirs.operation, key),
    )
  }
  return { shared, differences }
}
