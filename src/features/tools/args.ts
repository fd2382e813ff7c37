/** One argument of a tool, as the run form shows it. */
export interface ArgField {
  name: string
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json'
  /** For 'json': what the value must be. */
  jsonType: 'array' | 'object' | 'any'
  required: boolean
  description: string
  /** For 'enum': the allowed values. */
  options: unknown[]
}

/** The form's state: every field is edited as text (booleans and enums as an option's key). */
export type ArgValues = Record<string, string>

export type ArgsResult =
  { ok: true; args: Record<string, unknown> } | { ok: false; errors: Record<string, string> }

interface PropertySchema {
  type?: unknown
  description?: unknown
  enum?: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function primaryType(type: unknown): string | undefined {
  if (typeof type === 'string') return type
  if (Array.isArray(type))
    return type.find((t): t is string => typeof t === 'string' && t !== 'null')
  return undefined
}

function fieldFor(name: string, property: PropertySchema, required: boolean): ArgField {
  const description = typeof property.description === 'string' ? property.description : ''
  const base = { name, required, description, options: [], jsonType: 'any' as const }
  if (Array.isArray(property.enum) && property.enum.length > 0) {
    return { ...base, kind: 'enum', options: property.enum }
  }
  const type = primaryType(property.type)
  switch (type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return { ...base, kind: type }
    case 'array':
    case 'object':
      return { ...base, kind: 'json', jsonType: type }
    default:
      return { ...base, kind: 'json' }
  }
}

/** The fields of a tool's JSON schema (`{parameters: {...}}`) or of a bare parameters object. */
export function argFields(schema: unknown): ArgField[] {
  if (!isRecord(schema)) return []
  const parameters = isRecord(schema.parameters) ? schema.parameters : schema
  const properties = isRecord(parameters.properties) ? parameters.properties : {}
  const required = new Set(
    Array.isArray(parameters.required)
      ? parameters.required.filter((name): name is string => typeof name === 'string')
      : [],
  )
  return Object.entries(properties).map(([name, property]) =>
    fieldFor(name, isRecord(property) ? property : {}, required.has(name)),
  )
}

/** The key an enum option or boolean is stored under in the form's state. */
export const optionKey = (option: unknown) => JSON.stringify(option)

/** A fresh form: required booleans start false, everything else empty. */
export function initialArgValues(fields: ArgField[]): ArgValues {
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind === 'boolean' && field.required ? optionKey(false) : '',
    ]),
  )
}

function parseField(field: ArgField, text: string): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'string':
      return { value: text }
    case 'number': {
      const value = Number(text.trim())
      return Number.isFinite(value) ? { value } : { error: 'Enter a number' }
    }
    case 'integer': {
      const value = Number(text.trim())
      return Number.isInteger(value) ? { value } : { error: 'Enter a whole number' }
    }
    case 'boolean':
      return text === 'true' || text === 'false'
        ? { value: text === 'true' }
        : { error: 'Choose true or false' }
    case 'enum': {
      const option = field.options.find((candidate) => optionKey(candidate) === text)
      return option === undefined ? { error: 'Choose one of the values' } : { value: option }
    }
    case 'json': {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        return { error: 'Enter valid JSON' }
      }
      if (field.jsonType === 'array' && !Array.isArray(value))
        return { error: 'Enter a JSON array, e.g. ["a", "b"]' }
      if (field.jsonType === 'object' && !isRecord(value))
        return { error: 'Enter a JSON object, e.g. {"key": "value"}' }
      return { value }
    }
  }
}

/**
 * The arguments the form describes. An empty optional field is left out, so the function's own
 * default applies; an empty required string is sent as "", other empty required fields are errors.
 */
export function valuesToArgs(fields: ArgField[], values: ArgValues): ArgsResult {
  const args: Record<string, unknown> = {}
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const text = values[field.name] ?? ''
    if (text.trim() === '' && field.kind !== 'string') {
      if (field.required) errors[field.name] = 'Required'
      continue
    }
    if (text === '' && !field.required) continue
    const parsed = parseField(field, text)
    if ('error' in parsed) errors[field.name] = parsed.error
    else args[field.name] = parsed.value
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, args }
}

function valueToText(field: ArgField, value: unknown): string {
  if (value === undefined || value === null) return ''
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value)
    case 'number':
    case 'integer':
      return typeof value === 'number' ? String(value) : ''
    case 'boolean':
      return typeof value === 'boolean' ? optionKey(value) : ''
    case 'enum':
      return field.options.some((option) => optionKey(option) === optionKey(value))
        ? optionKey(value)
        : ''
    case 'json':
      return JSON.stringify(value, null, 2)
  }
}

/** The form state for given arguments (switching from raw JSON back to the form). */
export function argsToValues(fields: ArgField[], args: Record<string, unknown>): ArgValues {
  const values = initialArgValues(fields)
  for (const field of fields) {
    if (field.name in args) values[field.name] = valueToText(field, args[field.name])
  }
  return values
}

/** Raw JSON arguments: must be one object. */
export function parseRawArgs(
  text: string,
): { ok: true; args: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, args: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${(error as Error).message}` }
  }
  return isRecord(value)
    ? { ok: true, args: value }
    : { ok: false, error: 'The arguments must be a JSON object, e.g. {"x": 1}' }
}

/** `KEY=value` lines (blank lines and # comments skipped) as the run's environment. */
export function parseEnvVars(
  text: string,
): { ok: true; env: Record<string, string> } | { ok: false; error: string } {
  const env: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const equals = trimmed.indexOf('=')
    const key = equals === -1 ? '' : trimmed.slice(0, equals).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      return { ok: false, error: `Line ${index + 1}: expected NAME=value` }
    }
    env[key] = trimmed.slice(equals + 1)
  }
  return { ok: true, env }
}
