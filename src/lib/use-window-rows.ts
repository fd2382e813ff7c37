import { useLayoutEffect, useState } from 'react'

export interface WindowRowsOptions {
  count: number
  /** Every row has this height in pixels, so no row needs measuring. */
  rowHeight: number
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
  overscan: number
  /** The first row's top, in pixels from the top of the document. */
  scrollMargin: number
}

/** The rows `[start, end)` that a viewport from `viewTop`, `viewHeight` tall, shows or nearly shows. */
export function visibleRows(
  viewTop: number,
  viewHeight: number,
  { count, rowHeight, overscan, scrollMargin }: WindowRowsOptions,
): [start: number, end: number] {
  if (count === 0 || rowHeight <= 0) return [0, 0]
  const first = Math.floor((viewTop - scrollMargin) / rowHeight) - overscan
  const last = Math.ceil((viewTop + viewHeight - scrollMargin) / rowHeight) + overscan
  const start = Math.min(count, Math.max(0, first))
  return [start, Math.min(count, Math.max(start, last))]
}

/** Where the window must scroll for a row to be fully visible, or null when it already is. */
export function scrollTopShowing(
  index: number,
  viewTop: number,
  viewHeight: number,
  { rowHeight, scrollMargin }: WindowRowsOptions,
): number | null {
  const rowTop = scrollMargin + index * rowHeight
  if (rowTop < viewTop) return rowTop
  if (rowTop + rowHeight > viewTop + viewHeight) return rowTop + rowHeight - viewHeight
  return null
}

/**
 * The rows of a long list that the page's scroll position shows: the page scrolls, not the list,
 * and only the rows near the viewport are rendered. Re-renders only when that range changes.
 */
export function useWindowRows(options: WindowRowsOptions) {
  const { count, rowHeight, overscan, scrollMargin } = options
  const [range, setRange] = useState(() => visibleRows(window.scrollY, window.innerHeight, options))
  useLayoutEffect(() => {
    const current = { count, rowHeight, overscan, scrollMargin }
    const update = () => {
      const next = visibleRows(window.scrollY, window.innerHeight, current)
      setRange((previous) => (previous[0] === next[0] && previous[1] === next[1] ? previous : next))
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [count, rowHeight, overscan, scrollMargin])
  const [start, end] =
    range[1] <= count ? range : visibleRows(window.scrollY, window.innerHeight, options)
  return {
    start,
    end,
    totalHeight: count * rowHeight,
    scrollToIndex: (index: number) => {
      const top = scrollTopShowing(index, window.scrollY, window.innerHeight, options)
      if (top !== null) window.scrollTo({ top })
    },
  }
}
