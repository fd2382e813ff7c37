import { describe, expect, it } from 'vitest'

import { isBuiltInType, toolTypeLabel, toolTypesFilter, USER_TOOL_TYPES } from './tool-types'

describe('toolTypesFilter', () => {
  it('leaves built-in tools out unless asked, so the list agrees with the count', () => {
    expect(toolTypesFilter('all', false)).toEqual(USER_TOOL_TYPES)
    expect(toolTypesFilter('all', true)).toBeUndefined()
    expect(USER_TOOL_TYPES).toContain('custom')
    expect(USER_TOOL_TYPES.some(isBuiltInType)).toBe(false)
  })

  it('lets a chosen type win', () => {
    expect(toolTypesFilter('letta_core', false)).toEqual(['letta_core'])
    expect(toolTypesFilter('external_mcp', true)).toEqual(['external_mcp'])
  })
})

describe('toolTypeLabel', () => {
  it('names known types and shows unknown ones as sent', () => {
    expect(toolTypeLabel('letta_memory_core')).toBe('Letta memory')
    expect(toolTypeLabel('future_type')).toBe('future_type')
    expect(toolTypeLabel(null)).toBe('Unknown')
  })
})
