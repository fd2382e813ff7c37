import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { Link, useLocation, useRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { useEffect } from 'react'

import { ApiError } from '@/api/client'
import { TriangleAlertIcon } from '@/components/icons'
import { PageHeading } from '@/components/page-heading'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

/** A route's error: what failed, in words, with a retry that refetches the route's data. */
export function RouteErrorView({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const queryErrorResetBoundary = useQueryErrorResetBoundary()
  useEffect(() => queryErrorResetBoundary.reset(), [queryErrorResetBoundary])
  const unreachable = error instanceof ApiError && error.status === 0
  const location = useLocation()
  const pageParams = new URLSearchParams(location.searchStr)
  // A page cursor names an item that may since have been deleted: the first page still exists.
  const paged = pageParams.has('before') || pageParams.has('after')
  const goToFirstPage = () => {
    pageParams.delete('before')
    pageParams.delete('after')
    const query = pageParams.toString()
    reset()
    router.history.push(query ? `${location.pathname}?${query}` : location.pathname)
  }
  return (
    <div
      role="alert"
      className="mx-auto mt-12 flex max-w-lg flex-col items-center gap-3 text-center"
    >
      <Icon node={TriangleAlertIcon} className="size-8 text-destructive" />
      <PageHeading
        title={
          error instanceof ApiError && error.status === 404 ? 'Not found' : 'Something went wrong'
        }
        className="text-lg"
      />
      <p className="text-sm text-muted-foreground">
        {error instanceof Error ? error.message : String(error)}
      </p>
      <div className="flex gap-2">
        <Button
          onClick={() => {
            reset()
            void router.invalidate()
          }}
        >
          Try again
        </Button>
        {paged && !unreachable && (
          <Button variant="outline" onClick={goToFirstPage}>
            First page
          </Button>
        )}
        {unreachable && (
          <Button variant="outline" asChild>
            <Link to="/settings/connection">Connection settings</Link>
          </Button>
        )}
      </div>
    </div>
  )
}

export function NotFoundView() {
  return (
    <div className="mx-auto mt-12 flex max-w-lg flex-col items-center gap-3 text-center">
      <PageHeading title="Page not found" className="text-lg" />
      <p className="text-sm text-muted-foreground">There is no page at this address.</p>
      <Button asChild variant="outline">
        <Link to="/">Go to the overview</Link>
      </Button>
    </div>
  )
}
