import { describe, expect, it } from 'vitest'

import { rovingIndex } from './roving-index'

describe('rovingIndex', () => {
  it('moves along its axis only, and Home and End go to the ends', () => {
    const vertical = { axis: 'vertical', wrap: false } as const
    expect(rovingIndex('ArrowDown', 2, 5, vertical)).toBe(3)
    expect(rovingIndex('ArrowUp', 2, 5, vertical)).toBe(1)
    expect(rovingIndex('ArrowRight', 2, 5, vertical)).toBeNull()
    expect(rovingIndex('Home', 2, 5, vertical)).toBe(0)
    expect(rovingIndex('End', 2, 5, vertical)).toBe(4)
    expect(rovingIndex('Enter', 2, 5, vertical)).toBeNull()
    const horizontal = { axis: 'horizontal', wrap: false } as const
    expect(rovingIndex('ArrowRight', 2, 5, horizontal)).toBe(3)
    expect(rovingIndex('ArrowDown', 2, 5, horizontal)).toBeNull()
    const both = { axis: 'both', wrap: false } as const
    expect(rovingIndex('ArrowDown', 2, 5, both)).toBe(3)
    expect(rovingIndex('ArrowLeft', 2, 5, both)).toBe(1)
  })

  it('wraps round the ends when asked, and stays at them otherwise', () => {
    expect(rovingIndex('ArrowDown', 4, 5, { axis: 'vertical', wrap: true })).toBe(0)
    expect(rovingIndex('ArrowUp', 0, 5, { axis: 'vertical', wrap: true })).toBe(4)
    expect(rovingIndex('ArrowDown', 4, 5, { axis: 'vertical', wrap: false })).toBe(4)
    expect(rovingIndex('ArrowUp', 0, 5, { axis: 'vertical', wrap: false })).toBe(0)
  })
})
