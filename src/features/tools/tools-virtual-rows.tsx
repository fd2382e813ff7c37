import { Link, useNavigate } from '@tanstack/react-router'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type * as React from 'react'

import type { Tool } from '@/api/tools'
import { LoaderCircleIcon } from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { rovingIndex } from '@/lib/roving-index'
import { rowClick } from '@/lib/row-click'
import { useWindowRows } from '@/lib/use-window-rows'
import { cn } from '@/lib/utils'

import { isBuiltInType, toolTypeLabel } from './tool-types'
import { HEADER_ROW_HEIGHT, ROW_HEIGHT, TableFrame } from './tools-table-frame'

/** Ask for the next page when the last rendered row is this close to the end. */
const PREFETCH_ROWS = 30

const firstLine = (text: string | null | undefined) => (text ?? '').split('\n', 1)[0] ?? ''

/** The rows on screen (and a few either side) of a long list; the page scrolls, not the table. */
export function VirtualRows({
  rows,
  resetKey,
  updating,
  hasNextPage,
  isFetchingNextPage,
  nextPageError,
  fetchNextPage,
}: {
  rows: Tool[]
  resetKey: string
  updating: boolean
  hasNextPage: boolean
  isFetchingNextPage: boolean
  nextPageError: string | null
  fetchNextPage: () => void
}) {
  const navigate = useNavigate()
  const frameRef = useRef<HTMLDivElement>(null)
  // The page scrolls, not the table: rows are placed from the table's offset in the document.
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const frame = frameRef.current
    if (!frame) return
    const measure = () =>
      setScrollMargin(frame.getBoundingClientRect().top + window.scrollY + HEADER_ROW_HEIGHT)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])
  const { start, end, totalHeight, scrollToIndex } = useWindowRows({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
  })
  const lastRendered = end - 1

  useEffect(() => {
    if (
      hasNextPage &&
      !isFetchingNextPage &&
      !nextPageError &&
      lastRendered >= rows.length - PREFETCH_ROWS
    ) {
      fetchNextPage()
    }
  }, [hasNextPage, isFetchingNextPage, nextPageError, lastRendered, rows.length, fetchNextPage])

  // A new search or filter starts at the top of its results.
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    if (window.scrollY > 0) window.scrollTo({ top: 0 })
  }, [resetKey])

  const paddingTop = start * ROW_HEIGHT
  const paddingBottom = totalHeight - end * ROW_HEIGHT

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return
    scrollToIndex(index)
    requestAnimationFrame(() => {
      frameRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] a`)?.focus()
    })
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]')
    if (!row) return
    const target = rovingIndex(event.key, Number(row.dataset.index), rows.length, {
      axis: 'vertical',
      wrap: false,
    })
    if (target === null) return
    event.preventDefault()
    focusRow(target)
  }

  return (
    <div className="grid gap-2">
      <TableFrame
        ref={frameRef}
        aria-busy={updating || undefined}
        className={cn(updating && 'opacity-70 transition-opacity')}
      >
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {rows.slice(start, end).map((tool, offset) => {
            const index = start + offset
            return (
              <tr
                key={tool.id}
                data-index={index}
                data-tool-row=""
                style={{ height: ROW_HEIGHT }}
                className="cursor-pointer border-b transition-colors hover:bg-muted/50"
                onClick={rowClick(
                  () => void navigate({ to: '/tools/$toolId', params: { toolId: tool.id } }),
                )}
              >
                <td className="truncate px-3">
                  <Link
                    to="/tools/$toolId"
                    params={{ toolId: tool.id }}
                    className="rounded-sm font-mono font-medium outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    {tool.name}
                  </Link>
                </td>
                <td className="px-3">
                  <Badge variant={isBuiltInType(tool.tool_type) ? 'secondary' : 'outline'}>
                    {toolTypeLabel(tool.tool_type)}
                  </Badge>
                </td>
                <td
                  className="hidden truncate px-3 text-muted-foreground sm:table-cell"
                  title={tool.description ?? ''}
                >
                  {firstLine(tool.description)}
                </td>
                <td className="hidden px-3 lg:table-cell">
                  <div className="flex gap-1 overflow-hidden" title={(tool.tags ?? []).join(', ')}>
                    {(tool.tags ?? []).map((tag) => (
                      <Badge key={tag} variant="secondary" className="font-normal">
                        {tag}
                      </Badge>
                    ))}
                  </div>
                </td>
              </tr>
            )
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </TableFrame>
      <div className="flex min-h-5 items-center gap-2 text-xs text-muted-foreground">
        {isFetchingNextPage ? (
          <>
            <Icon node={LoaderCircleIcon} className="size-3 animate-spin" /> Loading more…
          </>
        ) : nextPageError ? (
          <span role="alert" className="flex items-center gap-2 text-destructive">
            {nextPageError}
            <Button variant="outline" size="sm" onClick={fetchNextPage}>
              Retry
            </Button>
          </span>
        ) : (
          <span>
            {rows.length.toLocaleString('en-US')}
            {hasNextPage ? '+' : ''} {rows.length === 1 ? 'tool' : 'tools'} listed
          </span>
        )}
      </div>
    </div>
  )
}
