import { describe, expect, it } from 'vitest'

import { markerRange, parseSchemaError } from './schema-errors'

describe('parseSchemaError', () => {
  it('reads the line from the server\'s "(line N)"', () => {
    const detail = "Parameter 'x' in function 'f' lacks a description in the docstring (line 7)"
    expect(parseSchemaError(detail)).toEqual({ message: detail, line: 7 })
  })

  it("reads Python's own wording too", () => {
    expect(parseSchemaError('invalid syntax at line 3, column 5').line).toBe(3)
  })

  it('prefers the parenthesised line over other numbers', () => {
    expect(parseSchemaError('line 2 of the docstring is bad (line 12)').line).toBe(12)
  })

  it('has no line when the message names none', () => {
    expect(parseSchemaError('Function f missing docstring')).toEqual({
      message: 'Function f missing docstring',
      line: undefined,
    })
    expect(parseSchemaError('(line 0)').line).toBeUndefined()
  })
})

describe('markerRange', () => {
  const source = 'def f(x: int) -> int:\n    """Doc."""\n\n    return x\n'

  it('underlines the text of the line, without its indentation', () => {
    expect(markerRange(2, source)).toEqual({
      startLineNumber: 2,
      startColumn: 5,
      endLineNumber: 2,
      endColumn: 15,
    })
  })

  it('marks a blank line one column wide', () => {
    expect(markerRange(3, source)).toEqual({
      startLineNumber: 3,
      startColumn: 1,
      endLineNumber: 3,
      endColumn: 2,
    })
  })

  it('clamps a line past the end of text edited since the error', () => {
    expect(markerRange(40, 'a\nb').startLineNumber).toBe(2)
    expect(markerRange(-1, 'a\nb').startLineNumber).toBe(1)
  })
})
