import { describe, expect, it } from 'vitest'

import { labelInterval, layoutBarChart, niceTicks } from './bar-chart-layout'

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten up to at least the maximum', () => {
    expect(niceTicks(1234, 4)).toEqual([0, 500, 1000, 1500])
    expect(niceTicks(100, 4)).toEqual([0, 25, 50, 75, 100])
    expect(niceTicks(9_000_000, 5)).toEqual([0, 2e6, 4e6, 6e6, 8e6, 10e6])
  })

  it('keeps decimal steps free of floating point drift', () => {
    expect(niceTicks(0.3, 3)).toEqual([0, 0.1, 0.2, 0.3])
  })

  it('steps by whole numbers for counts', () => {
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3])
    expect(niceTicks(7, 4, true)).toEqual([0, 2, 4, 6, 8])
  })

  it('gives an axis from 0 to 1 when there is nothing to show', () => {
    expect(niceTicks(0, 5)).toEqual([0, 1])
  })
})

describe('labelInterval', () => {
  it('draws every label when each fits its band', () => {
    expect(labelInterval(['03-01', '03-02'], 60)).toBe(1)
  })

  it('skips labels so the drawn ones stay apart when bands are narrow', () => {
    // 5 characters are about 35 px, plus the 12 px gap: three 20 px bands per label.
    expect(labelInterval(['03-01', '03-02', '03-03'], 20)).toBe(3)
  })
})

describe('layoutBarChart', () => {
  const base = {
    width: 456,
    height: 232,
    leftAxisWidth: 48,
    categoryLabels: ['03-01', '03-02', '03-03', '03-04'],
  }

  it('stacks series from the axis up, in one band per category', () => {
    const layout = layoutBarChart({
      ...base,
      orientation: 'vertical',
      values: [
        [100, 50],
        [0, 0],
        [40, 0],
        [10, 10],
      ],
    })
    // 456 - 48 - 8 across and 232 - 8 - 24 down.
    expect(layout.plot).toEqual({ left: 48, top: 8, width: 400, height: 200 })
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 50, 100, 150])
    const [first, empty] = layout.groups
    expect(first?.band).toEqual({ x: 48, y: 8, width: 100, height: 200 })
    // Bars fill 80% of the band, at most 56 px, centred.
    expect(first?.segments[0]).toEqual({
      x: 70,
      y: expect.closeTo(208 - 400 / 3),
      width: 56,
      height: expect.closeTo(400 / 3),
    })
    expect(first?.segments[1]?.y).toBeCloseTo(8)
    expect(first?.segments[1]?.height).toBeCloseTo(200 / 3)
    expect(first?.tip).toEqual({ x: 98, y: 8 })
    expect(empty?.segments.every((segment) => segment.height === 0)).toBe(true)
    expect(layout.groups.every((group) => group.showLabel)).toBe(true)
  })

  it('shows only every few labels when the bands are too narrow for all', () => {
    const labels = Array.from({ length: 40 }, (_, day) => `03-${String(day + 1).padStart(2, '0')}`)
    const layout = layoutBarChart({
      ...base,
      orientation: 'vertical',
      categoryLabels: labels,
      values: labels.map(() => [1]),
    })
    // 400 px over 40 bands is 10 px each; a label and its gap need about 47 px.
    const shown = layout.groups.flatMap((group, index) => (group.showLabel ? [index] : []))
    expect(shown).toEqual([0, 5, 10, 15, 20, 25, 30, 35])
  })

  it('lays bars along the x axis when horizontal', () => {
    const layout = layoutBarChart({
      width: 540,
      height: 104,
      leftAxisWidth: 140,
      orientation: 'horizontal',
      categoryLabels: ['gpt-4o', 'claude'],
      values: [[200], [100]],
    })
    // 540 - 140 - 24 across, 104 - 8 - 24 down: two rows of 36 px.
    expect(layout.plot).toEqual({ left: 140, top: 8, width: 376, height: 72 })
    const [first, second] = layout.groups
    expect(first?.segments[0]?.x).toBe(140)
    expect(first?.segments[0]?.width).toBeCloseTo(376)
    expect(second?.segments[0]?.width).toBeCloseTo(188)
    expect(second?.band).toEqual({ x: 140, y: 44, width: 376, height: 36 })
  })
})
