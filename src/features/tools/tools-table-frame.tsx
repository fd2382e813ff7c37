import type * as React from 'react'

import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

/** Every row is one line high, so the virtualizer never has to measure. */
export const ROW_HEIGHT = 41
export const HEADER_ROW_HEIGHT = 40

export function TableFrame({
  children,
  className,
  ...props
}: React.ComponentProps<'div'> & { children: React.ReactNode }) {
  return (
    <div
      // overflow-clip rounds the corners without becoming a scroll container (sticky needs that).
      className={cn('overflow-clip rounded-lg border bg-card', className)}
      {...props}
    >
      <table className="w-full table-fixed text-sm" aria-label="Tools">
        <colgroup>
          <col className="sm:w-[30%]" />
          <col className="w-28 sm:w-36" />
          <col className="w-0 sm:w-auto" />
          <col className="w-0 lg:w-56" />
        </colgroup>
        {/* Below the app's 3.5rem header, which also sticks to the top of the window. */}
        <thead className="sticky top-14 z-10 bg-card shadow-[inset_0_-1px_0_var(--border)]">
          <tr className="text-left text-xs text-muted-foreground">
            <th scope="col" className="h-10 px-3 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 font-medium">
              Type
            </th>
            <th scope="col" className="hidden px-3 font-medium sm:table-cell">
              Description
            </th>
            <th scope="col" className="hidden px-3 font-medium lg:table-cell">
              Tags
            </th>
          </tr>
        </thead>
        {children}
      </table>
    </div>
  )
}

export function ToolsTableSkeleton() {
  return (
    <TableFrame aria-busy="true">
      <tbody>
        {Array.from({ length: 8 }, (_, index) => (
          <tr key={index} className="border-b" style={{ height: ROW_HEIGHT }}>
            <td className="px-3">
              <Skeleton className="h-4 w-40" />
            </td>
            <td className="px-3">
              <Skeleton className="h-5 w-16" />
            </td>
            <td className="hidden px-3 sm:table-cell">
              <Skeleton className="h-4 w-full max-w-md" />
            </td>
            <td className="hidden px-3 lg:table-cell">
              <Skeleton className="h-5 w-20" />
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  )
}
