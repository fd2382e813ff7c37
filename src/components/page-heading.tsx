import { useLocation } from '@tanstack/react-router'
import { useEffect } from 'react'
import type * as React from 'react'

import { sectionOfPath } from '@/lib/navigation'
import { documentTitle, focusPendingHeading } from '@/lib/page-focus'
import { cn } from '@/lib/utils'

/**
 * A page's one h1. It names the browser tab ("greet · Tools · Letta Admin") and takes focus after
 * a navigation, so every page that uses it gets both.
 */
export function PageHeading({
  title,
  className,
  children,
}: {
  /** The page's name as text, for the document title. */
  title: string
  className?: string
  /** What the heading shows, when more than its title. */
  children?: React.ReactNode
}) {
  const pathname = useLocation({ select: (location) => location.pathname })
  const section = sectionOfPath(pathname)
  useEffect(() => {
    document.title = documentTitle(title, section)
  }, [title, section])
  useEffect(() => focusPendingHeading(), [])
  return (
    <h1
      tabIndex={-1}
      className={cn('text-2xl font-semibold tracking-tight focus-visible:outline-none', className)}
    >
      {children ?? title}
    </h1>
  )
}
