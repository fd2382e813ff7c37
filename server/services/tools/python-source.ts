import { parser } from '@lezer/python'

type Tree = ReturnType<typeof parser.parse>
export type SyntaxNode = Tree['topNode']

/** A rule of tool source the derivation enforces; `line` (1-based) lets an editor mark the spot. */
export class SchemaDerivationError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(
      line === undefined || message.includes(`line ${line}`)
        ? message
        : `${message} (line ${line})`,
    )
    this.name = 'SchemaDerivationError'
  }
}

/** Parsed Python source with what the derivation needs to read it: node text and line numbers. */
export class PythonSource {
  readonly tree: Tree
  private readonly lineStarts: number[] = [0]

  constructor(readonly text: string) {
    this.tree = parser.parse(text)
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1)
    }
  }

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to)
  }

  lineOf(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }

  /** Throws the first syntax error the parser recovered from, in the form "invalid Python at line N: ...". */
  assertValid(): void {
    let error: SyntaxNode | undefined
    this.tree.iterate({
      enter: (ref) => {
        if (error) return false
        if (ref.type.isError) error = ref.node
        return undefined
      },
    })
    if (!error) return
    const atEnd = this.text.slice(error.from).trim() === ''
    // An error at the end of input belongs to the last line with code, not to the blank after it.
    const line = this.lineOf(atEnd ? Math.max(0, this.text.trimEnd().length - 1) : error.from)
    throw new SchemaDerivationError(
      `invalid Python at line ${line}: ${this.describeError(error)}`,
      line,
    )
  }

  /** Top-level function definitions in source order (decorated ones included). */
  topLevelFunctions(): SyntaxNode[] {
    const functions: SyntaxNode[] = []
    for (let child = this.tree.topNode.firstChild; child; child = child.nextSibling) {
      if (child.name === 'FunctionDefinition') functions.push(child)
      if (child.name === 'DecoratedStatement') {
        const definition = child.getChild('FunctionDefinition')
        if (definition) functions.push(definition)
      }
    }
    return functions
  }

  private describeError(error: SyntaxNode): string {
    const rest = this.text.slice(error.from)
    if (error.parent?.name === 'String' || error.parent?.name === 'FormatString') {
      return 'unterminated string literal'
    }
    if (rest.trim() === '') return 'unexpected end of input'
    const lineStart = this.lineStarts[this.lineOf(error.from) - 1] ?? 0
    if (error.parent?.name === 'Body' && this.text.slice(lineStart, error.from).trim() === '') {
      return 'expected an indented block'
    }
    const token = /^\s*(\w+|\S)/.exec(rest)?.[1] ?? ''
    return `unexpected "${token}"`
  }
}

const STRING_NODES = new Set(['String', 'ContinuedString'])

/** A plain (not f-, not bytes) string literal's value, or undefined for any other node. */
export function stringValue(source: PythonSource, node: SyntaxNode): string | undefined {
  if (!STRING_NODES.has(node.name)) return undefined
  if (node.name === 'ContinuedString') {
    const parts = node.getChildren('String').map((part) => stringValue(source, part))
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined
  }
  return decodeStringLiteral(source.textOf(node))
}

/** Decodes one Python string literal (prefix, quotes, escapes); undefined for bytes and f-strings. */
export function decodeStringLiteral(literal: string): string | undefined {
  const match = /^([rRuUbBfF]*)('''|"""|'|")/.exec(literal)
  if (!match) return undefined
  const prefix = (match[1] ?? '').toLowerCase()
  if (prefix.includes('b') || prefix.includes('f')) return undefined
  const quote = match[2] ?? ''
  const body = literal.slice(match[0].length, literal.length - quote.length)
  return prefix.includes('r') ? body : unescape(body)
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
}

function unescape(body: string): string {
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r?\n|.)/g,
    (whole, escape: string) => {
      const simple = SIMPLE_ESCAPES[escape.replace('\r', '')]
      if (simple !== undefined) return simple
      if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16))
      if (/^[0-7]/.test(escape)) return String.fromCodePoint(parseInt(escape, 8))
      // Python keeps unknown escapes (like \d) as written.
      return whole
    },
  )
}

/** The function's docstring node: its first statement when that is a plain string literal. */
export function docstringNode(definition: SyntaxNode): SyntaxNode | undefined {
  const body = definition.getChild('Body')
  for (let child = body?.firstChild; child; child = child.nextSibling) {
    if (child.name === ':' || child.name === 'Comment') continue
    if (child.name !== 'ExpressionStatement') return undefined
    const expression = child.firstChild
    return expression && STRING_NODES.has(expression.name) && !expression.nextSibling
      ? expression
      : undefined
  }
  return undefined
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A literal default's JSON value (numbers, strings, booleans, None, and lists/tuples/dicts of them). */
export function literalValue(source: PythonSource, node: SyntaxNode): JsonValue | undefined {
  switch (node.name) {
    case 'Number':
      return pythonNumber(source.textOf(node))
    case 'String':
    case 'ContinuedString':
      return stringValue(source, node)
    case 'Boolean':
      return source.textOf(node) === 'True'
    case 'None':
      return null
    case 'UnaryExpression': {
      const operator = node.getChild('ArithOp')
      const operand = operator?.nextSibling
      const value = operand && literalValue(source, operand)
      if (typeof value !== 'number' || !operator) return undefined
      const sign = source.textOf(operator)
      return sign === '-' ? -value : sign === '+' ? value : undefined
    }
    case 'ParenthesizedExpression': {
      const inner = expressionChildren(node)
      return inner.length === 1 && inner[0] ? literalValue(source, inner[0]) : undefined
    }
    case 'ArrayExpression':
    case 'TupleExpression': {
      const items = expressionChildren(node).map((item) => literalValue(source, item))
      return items.every((item) => item !== undefined) ? (items as JsonValue[]) : undefined
    }
    case 'DictionaryExpression':
      return dictionaryValue(source, node)
    default:
      return undefined
  }
}

function dictionaryValue(source: PythonSource, node: SyntaxNode): JsonValue | undefined {
  const children = expressionChildren(node)
  if (node.getChildren(':').length * 2 !== children.length) return undefined
  const result: Record<string, JsonValue> = {}
  for (let index = 0; index < children.length; index += 2) {
    const [keyNode, valueNode] = [children[index], children[index + 1]]
    const key = keyNode && literalValue(source, keyNode)
    const value = valueNode && literalValue(source, valueNode)
    if (typeof key !== 'string' || value === undefined) return undefined
    result[key] = value
  }
  return result
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', 'Comment'])

/** The expressions inside a bracketed node, without brackets, commas, colons and comments. */
export function expressionChildren(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!PUNCTUATION.has(child.name)) children.push(child)
  }
  return children
}

function pythonNumber(text: string): number | undefined {
  const clean = text.replace(/_/g, '')
  if (/[jJ]$/.test(clean)) return undefined
  if (/^0[xX]/.test(clean)) return parseInt(clean.slice(2), 16)
  if (/^0[oO]/.test(clean)) return parseInt(clean.slice(2), 8)
  if (/^0[bB]/.test(clean)) return parseInt(clean.slice(2), 2)
  const value = Number(clean)
  return Number.isFinite(value) ? value : undefined
}
