import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { DebouncedSearchInput } from './debounced-search-input'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('DebouncedSearchInput', () => {
  it('reports once typing pauses, not on every key', () => {
    const onCommit = vi.fn()
    render(<DebouncedSearchInput value="" onCommit={onCommit} aria-label="Filter" />)
    const box = screen.getByLabelText('Filter')
    fireEvent.change(box, { target: { value: 't' } })
    act(() => vi.advanceTimersByTime(100))
    fireEvent.change(box, { target: { value: 'ti' } })
    act(() => vi.advanceTimersByTime(100))
    fireEvent.change(box, { target: { value: 'tide' } })
    expect(onCommit).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(300))
    expect(onCommit).toHaveBeenCalledTimes(1)
    expect(onCommit).toHaveBeenCalledWith('tide')
  })

  it('keeps what is typed while its own report is on the way, and follows outside changes', () => {
    const onCommit = vi.fn()
    const { rerender } = render(
      <DebouncedSearchInput value="" onCommit={onCommit} aria-label="Filter" />,
    )
    const box = screen.getByLabelText<HTMLInputElement>('Filter')
    fireEvent.change(box, { target: { value: 'tide' } })
    act(() => vi.advanceTimersByTime(300))
    // The URL has not caught up yet: the box must not fall back to the old value.
    rerender(<DebouncedSearchInput value="" onCommit={onCommit} aria-label="Filter" />)
    expect(box.value).toBe('tide')
    rerender(<DebouncedSearchInput value="tide" onCommit={onCommit} aria-label="Filter" />)
    expect(box.value).toBe('tide')
    // Back button: the URL changes on its own.
    rerender(<DebouncedSearchInput value="moon" onCommit={onCommit} aria-label="Filter" />)
    expect(box.value).toBe('moon')
    act(() => vi.advanceTimersByTime(1000))
    expect(onCommit).toHaveBeenCalledTimes(1)
  })
})
