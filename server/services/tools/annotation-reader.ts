import {
  expressionChildren,
  literalValue,
  PythonSource,
  SchemaDerivationError,
  stringValue,
  type JsonValue,
  type SyntaxNode,
} from './python-source.ts'

/** One parameter's JSON schema, as it appears under `parameters.properties`. */
export interface ParameterSchema {
  type?: string | string[]
  items?: ParameterSchema
  enum?: JsonValue[]
  description?: string
  default?: JsonValue
}

const SCALARS: Record<string, string> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
}
const SUPPORTED_HINT =
  'use str, int, float, bool, list[T], dict, Optional[T], T | None or Literal[...]'

interface ReadType {
  schema: ParameterSchema
  optional: boolean
}

/** Turns one parameter's annotation into JSON schema, or says clearly why it cannot. */
export class AnnotationReader {
  constructor(
    private readonly where: string,
    private readonly line: number,
  ) {}

  read(source: PythonSource, node: SyntaxNode): ReadType {
    const members = this.unionMembers(source, node)
    const present = members.filter((member) => member.name !== 'None')
    const optional = present.length < members.length
    if (!present[0]) throw this.unsupported(source, node)
    if (present.length > 1) {
      throw this.unsupported(source, node, 'a union of several types is not supported')
    }
    const inner = this.readSingle(source, present[0])
    return { schema: inner.schema, optional: optional || inner.optional }
  }

  /** `A | B | None` (parentheses allowed) flattened into its members; Union[...] is read apart. */
  private unionMembers(source: PythonSource, node: SyntaxNode): SyntaxNode[] {
    if (node.name === 'BinaryExpression' && source.textOf(node.getChild('BitOp') ?? node) === '|') {
      const [left, right] = [node.firstChild, node.lastChild]
      if (left && right) {
        return [...this.unionMembers(source, left), ...this.unionMembers(source, right)]
      }
    }
    if (node.name === 'ParenthesizedExpression') {
      const inner = expressionChildren(node)
      if (inner.length === 1 && inner[0]) return this.unionMembers(source, inner[0])
    }
    return [node]
  }

  private readSingle(source: PythonSource, node: SyntaxNode): ReadType {
    if (node.name === 'String') return this.readForwardReference(source, node)
    const { base, args } = this.splitSubscript(node)
    const nameOf = base && this.typeName(source, base)
    switch (nameOf) {
      case 'str':
      case 'int':
      case 'float':
      case 'bool':
        if (args) break
        return { schema: { type: SCALARS[nameOf] }, optional: false }
      case 'list':
      case 'List': {
        if (!args) return { schema: { type: 'array', items: { type: 'string' } }, optional: false }
        const [item] = args
        if (args.length !== 1 || !item) break
        return { schema: { type: 'array', items: this.read(source, item).schema }, optional: false }
      }
      case 'dict':
      case 'Dict':
        return { schema: { type: 'object' }, optional: false }
      case 'Optional': {
        const [inner] = args ?? []
        if (args?.length !== 1 || !inner) break
        return { schema: this.read(source, inner).schema, optional: true }
      }
      case 'Union':
        if (!args) break
        return this.readUnion(source, node, args)
      case 'Literal':
        if (!args) break
        return this.readLiteral(source, node, args)
    }
    throw this.unsupported(source, node)
  }

  private readUnion(source: PythonSource, node: SyntaxNode, args: SyntaxNode[]): ReadType {
    const present = args.filter((arg) => arg.name !== 'None')
    if (!present[0]) throw this.unsupported(source, node)
    if (present.length > 1) {
      throw this.unsupported(source, node, 'a union of several types is not supported')
    }
    const inner = this.read(source, present[0])
    return { schema: inner.schema, optional: present.length < args.length || inner.optional }
  }

  private readLiteral(source: PythonSource, node: SyntaxNode, args: SyntaxNode[]): ReadType {
    const values: JsonValue[] = []
    const types = new Set<string>()
    let optional = false
    for (const arg of args) {
      const value = literalValue(source, arg)
      if (value === null) {
        optional = true
        continue
      }
      if (typeof value === 'object' || value === undefined) {
        throw this.unsupported(source, node, 'Literal values must be strings, numbers or booleans')
      }
      values.push(value)
      types.add(literalType(source.textOf(arg), value))
    }
    if (!values.length) throw this.unsupported(source, node, 'Literal needs at least one value')
    // Every integer is a JSON number, so a mix of the two is just a number.
    if (types.has('number')) types.delete('integer')
    const type = types.size === 1 ? [...types].join('') : [...types]
    return { schema: { type, enum: values }, optional }
  }

  /** `X[a, b]` -> base X and args [a, b]; a plain name has no args. */
  private splitSubscript(node: SyntaxNode): {
    base: SyntaxNode | undefined
    args: SyntaxNode[] | undefined
  } {
    if (node.name !== 'MemberExpression' || !node.getChild('['))
      return { base: node, args: undefined }
    const args: SyntaxNode[] = []
    let inside = false
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === '[') inside = true
      else if (child.name === ']') inside = false
      else if (inside && child.name !== ',' && child.name !== 'Comment') {
        // `Literal[('a', 'b')]` and `Dict[(str, int)]` mean the same as without the parentheses.
        if (child.name === 'TupleExpression') args.push(...expressionChildren(child))
        else args.push(child)
      }
    }
    return { base: node.firstChild ?? undefined, args }
  }

  /** `int`, `typing.List`, `t.Optional` -> the bare type name. */
  private typeName(source: PythonSource, node: SyntaxNode): string | undefined {
    if (node.name === 'VariableName') return source.textOf(node)
    if (node.name === 'MemberExpression' && !node.getChild('[')) {
      const property = node.getChild('PropertyName')
      return property ? source.textOf(property) : undefined
    }
    return undefined
  }

  /** `x: "list[int]"` is read as the annotation written inside the quotes. */
  private readForwardReference(source: PythonSource, node: SyntaxNode): ReadType {
    const text = stringValue(source, node)
    const inner = text === undefined ? undefined : new PythonSource(text.trim())
    const expression = inner?.tree.topNode.firstChild?.firstChild
    if (!inner || !expression || inner.tree.topNode.firstChild?.nextSibling) {
      throw this.unsupported(source, node)
    }
    try {
      inner.assertValid()
    } catch {
      throw this.unsupported(source, node)
    }
    return this.read(inner, expression)
  }

  private unsupported(
    source: PythonSource,
    node: SyntaxNode,
    reason?: string,
  ): SchemaDerivationError {
    return new SchemaDerivationError(
      `${this.where} has an unsupported type annotation '${source.textOf(node)}': ${reason ?? SUPPORTED_HINT}`,
      this.line,
    )
  }
}

/** The JSON type of a Literal value; `1.0` is a float in Python, so its text decides, not its value. */
function literalType(text: string, value: string | number | boolean): string {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  return /^[-+]?\s*0[xob]/i.test(text) || !/[.eE]/.test(text) ? 'integer' : 'number'
}
