import { AnnotationReader, type ParameterSchema } from './annotation-reader.ts'
import { parseDocstring } from './docstring.ts'
import {
  docstringNode,
  literalValue,
  PythonSource,
  SchemaDerivationError,
  stringValue,
  type SyntaxNode,
} from './python-source.ts'

export type { ParameterSchema } from './annotation-reader.ts'

/** A tool's OpenAI-style function schema, as Letta stores it in `json_schema`. */
export interface ToolJsonSchema {
  name: string
  description: string
  parameters: {
    type: 'object'
    properties: Record<string, ParameterSchema>
    required: string[]
  }
}

// Letta passes these itself; they are never arguments the model fills in.
const SKIPPED_PARAMETERS = new Set(['self', 'agent_state'])

interface Parameter {
  name: string
  line: number
  annotation?: SyntaxNode
  defaultValue?: SyntaxNode
}

/**
 * Derives the json_schema of the last top-level function in Python source by reading it, never
 * running it. Throws SchemaDerivationError naming the rule broken and its line.
 */
export function deriveJsonSchema(code: string, options: { name?: string } = {}): ToolJsonSchema {
  const source = new PythonSource(code)
  source.assertValid()
  const definition = source.topLevelFunctions().at(-1)
  if (!definition) {
    throw new SchemaDerivationError('No top-level function definition found in the source code')
  }
  const nameNode = definition.getChild('VariableName')
  const functionName = nameNode ? source.textOf(nameNode) : ''
  const functionLine = source.lineOf(definition.from)
  const docNode = docstringNode(definition)
  const docText = docNode && stringValue(source, docNode)
  if (docText === undefined || !docText.trim()) {
    throw new SchemaDerivationError(`Function ${functionName} missing docstring`, functionLine)
  }
  const docstring = parseDocstring(docText)

  const properties: Record<string, ParameterSchema> = {}
  const required: string[] = []
  for (const parameter of readParameters(source, definition)) {
    if (SKIPPED_PARAMETERS.has(parameter.name)) continue
    const where = `Parameter '${parameter.name}' in function '${functionName}'`
    if (!parameter.annotation) {
      throw new SchemaDerivationError(`${where} lacks a type annotation`, parameter.line)
    }
    const description = docstring.params.get(parameter.name)
    if (!description) {
      throw new SchemaDerivationError(
        `${where} lacks a description in the docstring`,
        parameter.line,
      )
    }
    const annotation = new AnnotationReader(where, parameter.line)
    const { schema, optional } = annotation.read(source, parameter.annotation)
    const property: ParameterSchema = { ...schema, description }
    const defaultValue = parameter.defaultValue && literalValue(source, parameter.defaultValue)
    // None says "not given", not a value of the type, so it is not recorded as a default.
    if (defaultValue !== undefined && defaultValue !== null) property.default = defaultValue
    properties[parameter.name] = property
    if (!parameter.defaultValue && !optional) required.push(parameter.name)
  }

  const description = docstring.longDescription
    ? `${docstring.shortDescription}\n\n${docstring.longDescription}`
    : docstring.shortDescription
  return {
    name: options.name ?? functionName,
    description,
    parameters: { type: 'object', properties, required },
  }
}

/** The name of the function a derivation would read, without checking the rest of the rules. */
export function lastFunctionName(code: string): string | undefined {
  const source = new PythonSource(code)
  source.assertValid()
  const nameNode = source.topLevelFunctions().at(-1)?.getChild('VariableName')
  return nameNode ? source.textOf(nameNode) : undefined
}

/** Named parameters in order; `*args` and `**kwargs` cannot be filled from JSON and are left out. */
function readParameters(source: PythonSource, definition: SyntaxNode): Parameter[] {
  const parameters: Parameter[] = []
  let current: Parameter | undefined
  let starred = false
  let expectDefault = false
  for (let child = definition.getChild('ParamList')?.firstChild; child; child = child.nextSibling) {
    if (expectDefault) {
      if (current) current.defaultValue = child
      expectDefault = false
      continue
    }
    switch (child.name) {
      case '*':
      case '**':
        starred = true
        break
      case ',':
        starred = false
        current = undefined
        break
      case 'VariableName':
        current = starred
          ? undefined
          : { name: source.textOf(child), line: source.lineOf(child.from) }
        if (current) parameters.push(current)
        break
      case 'TypeDef':
        if (current) current.annotation = child.lastChild ?? undefined
        break
      case 'AssignOp':
        expectDefault = true
        break
    }
  }
  return parameters
}
