import { describe, expect, it } from 'vitest'

import { scrollTopShowing, visibleRows } from './use-window-rows'

const list = { count: 1000, rowHeight: 40, overscan: 2, scrollMargin: 200 }

describe('visibleRows', () => {
  it('shows the rows under the viewport and the overscan either side', () => {
    // Rows start 200 px down; a 400 px viewport at the top shows rows 0-4 (200-400 px is rows 0-4).
    expect(visibleRows(0, 400, list)).toEqual([0, 7])
    // Scrolled to 1000 px: rows from (1000-200)/40 = 20 to (1400-200)/40 = 30.
    expect(visibleRows(1000, 400, list)).toEqual([18, 32])
  })

  it('stays inside the list at its end and when it is empty', () => {
    expect(visibleRows(200 + 995 * 40, 400, list)).toEqual([993, 1000])
    expect(visibleRows(10_000_000, 400, list)).toEqual([1000, 1000])
    expect(visibleRows(0, 400, { ...list, count: 0 })).toEqual([0, 0])
  })

  it('shows nothing of a list that starts below the viewport, beyond the overscan', () => {
    expect(visibleRows(0, 400, { ...list, scrollMargin: 2000 })).toEqual([0, 0])
  })
})

describe('scrollTopShowing', () => {
  it('scrolls a row above the viewport to its top and one below to its bottom', () => {
    expect(scrollTopShowing(10, 1000, 400, list)).toBe(600)
    expect(scrollTopShowing(40, 1000, 400, list)).toBe(200 + 41 * 40 - 400)
  })

  it('leaves a row that is already fully visible where it is', () => {
    expect(scrollTopShowing(25, 1000, 400, list)).toBeNull()
  })
})
