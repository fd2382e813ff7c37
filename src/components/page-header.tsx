import type * as React from 'react'

import { PageHeading } from '@/components/page-heading'

/** The title row every page starts with, with room for its main actions. */
export function PageHeader({
  title,
  heading,
  description,
  actions,
}: {
  /** The page's name as text: the document title and, unless `heading` is given, the h1. */
  title: string
  /** What the h1 shows, when more than the title (a badge beside it). */
  heading?: React.ReactNode
  description?: React.ReactNode
  actions?: React.ReactNode
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <PageHeading title={title}>{heading}</PageHeading>
        {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  )
}
