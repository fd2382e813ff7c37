import { describe, expect, it } from 'vitest'

import { parseDocstring } from '../services/tools/docstring.ts'
import { SchemaDerivationError } from '../services/tools/python-source.ts'
import { deriveJsonSchema } from '../services/tools/schema-derivation.ts'
import { createTestApp, json } from './helpers.ts'

/** A function with one parameter per annotation, each documented, to read one property at a time. */
function withParameters(signature: string, names: string[]): string {
  const args = names.map((name) => `        ${name}: About ${name}.`).join('\n')
  return `def f(${signature}):\n    """Do it.\n\n    Args:\n${args}\n    """\n    return None\n`
}

function errorOf(code: string): SchemaDerivationError {
  try {
    deriveJsonSchema(code)
  } catch (error) {
    if (error instanceof SchemaDerivationError) return error
    throw error
  }
  throw new Error('expected a SchemaDerivationError')
}

describe('json_schema derivation from Python source', () => {
  it('reads name, description, parameters and required from the last top-level def', () => {
    const schema = deriveJsonSchema(`import math

def helper(x):
    return x


class Box:
    def method(self, size: int) -> int:
        """Not top level."""
        return size


def roll_dice(sides: int, times: int = 1) -> str:
    """Roll dice and report the results.

    Each roll is independent.
    The result lists every roll.

    Args:
        sides (int): How many sides each die has.
        times (int): How many times to roll.

    Returns:
        str: The rolls, comma separated.
    """
    return ", ".join(str(math.floor(sides)) for _ in range(times))
`)
    expect(schema).toEqual({
      name: 'roll_dice',
      description:
        'Roll dice and report the results.\n\nEach roll is independent.\nThe result lists every roll.',
      parameters: {
        type: 'object',
        properties: {
          sides: { type: 'integer', description: 'How many sides each die has.' },
          times: { type: 'integer', description: 'How many times to roll.', default: 1 },
        },
        required: ['sides'],
      },
    })
  })

  it('uses the short description alone when there is no long one, and skips the Returns section', () => {
    const schema = deriveJsonSchema(
      'def ping() -> str:\n    """Answer pong.\n\n    Returns:\n        str: pong\n    """\n    return "pong"\n',
    )
    expect(schema.description).toBe('Answer pong.')
    expect(schema.parameters).toEqual({ type: 'object', properties: {}, required: [] })
  })

  it('takes the last def when there are several, decorated and async ones included', () => {
    const code = `def first(a: int):
    """First."""

@some_decorator
async def second(b: str):
    """Second.

    Args:
        b: A b.
    """
`
    const schema = deriveJsonSchema(code)
    expect(schema.name).toBe('second')
    expect(schema.parameters.properties).toEqual({ b: { type: 'string', description: 'A b.' } })
  })

  it('skips self and agent_state, and *args / **kwargs', () => {
    const schema = deriveJsonSchema(
      withParameters('self, agent_state, query: str, *args, limit: int = 3, **kwargs', [
        'query',
        'limit',
      ]),
    )
    expect(Object.keys(schema.parameters.properties)).toEqual(['query', 'limit'])
    expect(schema.parameters.required).toEqual(['query'])
  })

  it('maps str, int, float and bool', () => {
    const schema = deriveJsonSchema(
      withParameters('a: str, b: int, c: float, d: bool', ['a', 'b', 'c', 'd']),
    )
    const types = Object.values(schema.parameters.properties).map((property) => property.type)
    expect(types).toEqual(['string', 'integer', 'number', 'boolean'])
  })

  it('maps list, List[T], list[T] and typing.List to arrays, with items from T (string by default)', () => {
    const schema = deriveJsonSchema(
      withParameters('a: list, b: List[int], c: list[float], d: typing.List[bool], e: List', [
        'a',
        'b',
        'c',
        'd',
        'e',
      ]),
    )
    const { a, b, c, d, e } = schema.parameters.properties
    expect(a).toMatchObject({ type: 'array', items: { type: 'string' } })
    expect(b).toMatchObject({ type: 'array', items: { type: 'integer' } })
    expect(c).toMatchObject({ type: 'array', items: { type: 'number' } })
    expect(d).toMatchObject({ type: 'array', items: { type: 'boolean' } })
    expect(e).toMatchObject({ type: 'array', items: { type: 'string' } })
  })

  it('maps dict and Dict[...] to objects', () => {
    const schema = deriveJsonSchema(
      withParameters('a: dict, b: Dict[str, int], c: dict[str, list[int]]', ['a', 'b', 'c']),
    )
    for (const property of Object.values(schema.parameters.properties)) {
      expect(property.type).toBe('object')
    }
  })

  it('reads Optional[T], Union[T, None] and T | None as T, not required even without a default', () => {
    const schema = deriveJsonSchema(
      withParameters(
        'a: Optional[int], b: int | None, c: None | str, d: Union[float, None], e: int',
        ['a', 'b', 'c', 'd', 'e'],
      ),
    )
    const { a, b, c, d } = schema.parameters.properties
    expect(a).toEqual({ type: 'integer', description: 'About a.' })
    expect(b?.type).toBe('integer')
    expect(c?.type).toBe('string')
    expect(d?.type).toBe('number')
    expect(schema.parameters.required).toEqual(['e'])
  })

  it('reads nested annotations', () => {
    const schema = deriveJsonSchema(
      withParameters(
        'a: list[int], b: Optional[list[str]], c: list[list[int]], d: list[Optional[int]]',
        ['a', 'b', 'c', 'd'],
      ),
    )
    const { a, b, c, d } = schema.parameters.properties
    expect(a).toMatchObject({ type: 'array', items: { type: 'integer' } })
    expect(b).toMatchObject({ type: 'array', items: { type: 'string' } })
    expect(c).toMatchObject({ type: 'array', items: { type: 'array', items: { type: 'integer' } } })
    expect(d).toMatchObject({ type: 'array', items: { type: 'integer' } })
    expect(schema.parameters.required).toEqual(['a', 'c', 'd'])
  })

  it("turns Literal[...] into an enum of its values with the values' type", () => {
    const schema = deriveJsonSchema(
      withParameters(
        `a: Literal['x', "y"], b: Literal[1, 2], c: Literal[0.5, 1], d: Literal[True], e: Optional[Literal['p']], f: list[Literal['u', 'v']], g: Literal[1, 'one']`,
        ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ),
    )
    const { a, b, c, d, e, f, g } = schema.parameters.properties
    expect(a).toEqual({ type: 'string', enum: ['x', 'y'], description: 'About a.' })
    expect(b).toMatchObject({ type: 'integer', enum: [1, 2] })
    expect(c).toMatchObject({ type: 'number', enum: [0.5, 1] })
    expect(d).toMatchObject({ type: 'boolean', enum: [true] })
    expect(e).toMatchObject({ type: 'string', enum: ['p'] })
    expect(f).toMatchObject({ type: 'array', items: { type: 'string', enum: ['u', 'v'] } })
    expect(g).toMatchObject({ type: ['integer', 'string'], enum: [1, 'one'] })
    expect(schema.parameters.required).toEqual(['a', 'b', 'c', 'd', 'f', 'g'])
  })

  it('records literal defaults, never None, and leaves out defaults it cannot evaluate', () => {
    const schema = deriveJsonSchema(
      withParameters(
        `a: str = 'hi', b: int = -3, c: float = 1e3, d: bool = False, e: list[int] = [1, 2], f: dict = {'k': [1, None]}, g: Optional[str] = None, h: int = 0x10, i: list[int] = (1,), j: int = compute(), k: str = 'a' 'b'`,
        ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
      ),
    )
    const defaults = Object.fromEntries(
      Object.entries(schema.parameters.properties).map(([name, property]) => [
        name,
        property.default,
      ]),
    )
    expect(defaults).toEqual({
      a: 'hi',
      b: -3,
      c: 1000,
      d: false,
      e: [1, 2],
      f: { k: [1, null] },
      g: undefined,
      h: 16,
      i: [1],
      j: undefined,
      k: 'ab',
    })
    expect(schema.parameters.required).toEqual([])
  })

  it('reads string (forward reference) annotations', () => {
    const schema = deriveJsonSchema(withParameters('a: "list[int]"', ['a']))
    expect(schema.parameters.properties.a).toMatchObject({
      type: 'array',
      items: { type: 'integer' },
    })
  })

  it('keeps multi-line parameter descriptions and typed Args entries with brackets', () => {
    const code = `def f(tags: Optional[list[str]] = None, mapping: dict = {}):
    """Tag things.

    Args:
        tags (Optional[list[str]]): Tags to add,
            one per item.
        mapping (dict[str, int]): A mapping: name to count.
    """
`
    const { tags, mapping } = deriveJsonSchema(code).parameters.properties
    expect(tags?.description).toBe('Tags to add,\none per item.')
    expect(mapping?.description).toBe('A mapping: name to count.')
  })

  it('reads single-quoted, raw and escaped docstrings', () => {
    const schema = deriveJsonSchema(
      "def f(a: str):\n    r'''Match \\d digits.\n\n    Args:\n        a: The text.\n    '''\n",
    )
    expect(schema.description).toBe('Match \\d digits.')
    expect(deriveJsonSchema('def g():\n    "Letter \\x41, tab\\tthere."\n').description).toBe(
      'Letter A, tab   there.',
    )
  })

  it('uses the name it is given instead of the function name', () => {
    expect(deriveJsonSchema('def f():\n    """Doc."""\n', { name: 'renamed' }).name).toBe('renamed')
  })
})

describe('json_schema derivation errors', () => {
  it('requires a docstring', () => {
    const error = errorOf('import os\n\ndef f(x: int):\n    return x\n')
    expect(error.message).toBe('Function f missing docstring (line 3)')
    expect(error.line).toBe(3)
    expect(errorOf('def f():\n    x = "not a docstring"\n').message).toBe(
      'Function f missing docstring (line 1)',
    )
  })

  it('requires a type annotation on every parameter', () => {
    const error = errorOf(
      'def f(\n    a: int,\n    b,\n):\n    """Doc.\n\n    Args:\n        a: A.\n        b: B.\n    """\n',
    )
    expect(error.message).toBe("Parameter 'b' in function 'f' lacks a type annotation (line 3)")
    expect(error.line).toBe(3)
  })

  it('requires a description of every parameter in the docstring', () => {
    const error = errorOf(withParameters('a: int, b: str', ['a']))
    expect(error.message).toBe(
      "Parameter 'b' in function 'f' lacks a description in the docstring (line 1)",
    )
  })

  it('rejects annotations it cannot express, saying which and why', () => {
    expect(errorOf(withParameters('a: tuple[int, int]', ['a'])).message).toBe(
      "Parameter 'a' in function 'f' has an unsupported type annotation 'tuple[int, int]': use str, int, float, bool, list[T], dict, Optional[T], T | None or Literal[...] (line 1)",
    )
    expect(errorOf(withParameters('a: Union[int, str]', ['a'])).message).toContain(
      "unsupported type annotation 'Union[int, str]': a union of several types is not supported",
    )
    expect(errorOf(withParameters('a: int | str', ['a'])).message).toContain(
      'a union of several types is not supported',
    )
    expect(errorOf(withParameters('a: MyModel', ['a'])).message).toContain(
      "unsupported type annotation 'MyModel'",
    )
    expect(errorOf(withParameters('a: Literal[x]', ['a'])).message).toContain(
      'Literal values must be strings, numbers or booleans',
    )
    expect(errorOf(withParameters('a: list[int, str]', ['a'])).message).toContain(
      "unsupported type annotation 'list[int, str]'",
    )
  })

  it('answers invalid Python with the line and what the parser met', () => {
    expect(errorOf('def f(x: int\n    return x\n').message).toBe(
      'invalid Python at line 2: unexpected "return"',
    )
    expect(errorOf('def f(x: int):\nreturn x\n').message).toBe(
      'invalid Python at line 2: expected an indented block',
    )
    expect(errorOf('def f():\n    """Doc."""\n    return (1,\n').message).toBe(
      'invalid Python at line 3: unexpected end of input',
    )
    expect(errorOf('def f():\n    """never closed\n').message).toBe(
      'invalid Python at line 2: unterminated string literal',
    )
    expect(errorOf('def f(x: int):\n    """Doc."""\n    return x +\n').line).toBe(3)
  })

  it('needs a top-level function', () => {
    expect(errorOf('x = 1\n').message).toBe(
      'No top-level function definition found in the source code',
    )
  })
})

describe('Google docstrings', () => {
  it('splits short and long descriptions and stops the description at the first section', () => {
    const parsed = parseDocstring(`
        Short line.

        Long line one.
            Indented detail.

        Examples:
            f(1)
        Args:
            x (int): An x.
            y: A y
                over two lines.
    `)
    expect(parsed.shortDescription).toBe('Short line.')
    expect(parsed.longDescription).toBe('Long line one.\n    Indented detail.')
    expect(Object.fromEntries(parsed.params)).toEqual({ x: 'An x.', y: 'A y\nover two lines.' })
  })

  it('accepts Arguments, Parameters and Params as the parameter section', () => {
    for (const title of ['Arguments', 'Parameters', 'Params']) {
      expect(parseDocstring(`Doc.\n\n${title}:\n    a: An a.\n`).params.get('a')).toBe('An a.')
    }
  })
})

describe('POST /v1/tools/generate-schema', () => {
  const post = (body: unknown) =>
    createTestApp().app.request('/v1/tools/generate-schema', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('answers the derived schema', async () => {
    const response = await post({
      code: 'def greet(name: str) -> str:\n    """Greet someone.\n\n    Args:\n        name: Who.\n    """\n    return name\n',
      source_type: 'python',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      name: 'greet',
      description: 'Greet someone.',
      parameters: {
        type: 'object',
        properties: { name: { type: 'string', description: 'Who.' } },
        required: ['name'],
      },
    })
  })

  it('answers 400 with the rule broken', async () => {
    const response = await post({ code: 'def f(x):\n    """Doc."""\n' })
    expect(response.status).toBe(400)
    expect(await json(response)).toEqual({
      detail: "Parameter 'x' in function 'f' lacks a type annotation (line 1)",
    })
    const invalid = await post({ code: 'def f(:\n' })
    expect(invalid.status).toBe(400)
    expect((await json<{ detail: string }>(invalid)).detail).toMatch(/^invalid Python at line 1: /)
  })

  it('reads Python only, and validates the body', async () => {
    const typescript = await post({ code: 'export function f() {}', source_type: 'typescript' })
    expect(typescript.status).toBe(400)
    expect((await json<{ detail: string }>(typescript)).detail).toContain('Python source only')
    expect((await post({ source: 'def f(): pass' })).status).toBe(422)
  })
})
