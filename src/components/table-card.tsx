import type * as React from 'react'

import { Table, TableBody, TableHeader, TableRow } from '@/components/ui/table'

/** A list's table on a bordered card: one header row of `head` cells, then the rows. */
export function TableCard({
  head,
  busy,
  children,
  ...props
}: Omit<React.ComponentProps<'table'>, 'children'> & {
  head: React.ReactNode
  busy?: boolean
  children: React.ReactNode
}) {
  return (
    <div className="rounded-lg border bg-card" aria-busy={busy || undefined}>
      <Table {...props}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">{head}</TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  )
}
