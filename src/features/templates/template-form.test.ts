import { describe, expect, it } from 'vitest'

import { emptyVariables, templateNameProblem } from './template-form'

describe('templateNameProblem', () => {
  it('allows empty and simple names, refuses spaces and long names', () => {
    expect(templateNameProblem('')).toBeNull()
    expect(templateNameProblem('support_desk-2')).toBeNull()
    expect(templateNameProblem('has space')).toMatch(/letters, digits/)
    expect(templateNameProblem('x'.repeat(101))).toMatch(/100/)
  })
})

describe('emptyVariables', () => {
  it('names the variables with no value, blank ones included', () => {
    expect(emptyVariables(['a', 'b', 'c'], { a: 'x', b: '  ' })).toEqual(['b', 'c'])
  })
})
