import { lazy, Suspense } from 'react'

/** Router and query inspectors, in `npm run dev` only: the production build never loads them. */
const Inspectors = import.meta.env.DEV
  ? lazy(async () => {
      const [{ TanStackRouterDevtools }, { ReactQueryDevtools }] = await Promise.all([
        import('@tanstack/react-router-devtools'),
        import('@tanstack/react-query-devtools'),
      ])
      return {
        default: () => (
          <>
            <TanStackRouterDevtools position="bottom-right" />
            <ReactQueryDevtools buttonPosition="bottom-left" />
          </>
        ),
      }
    })
  : () => null

export function DevTools() {
  return (
    <Suspense>
      <Inspectors />
    </Suspense>
  )
}
