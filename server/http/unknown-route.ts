import type { Context } from 'hono'

interface RouteEntry {
  method: string
  path: string
}

/** `/v1/tools/:tool_id` as a pattern; trailing slashes are optional, as on every router here. */
function patternOf(path: string): RegExp {
  const body = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${body}/?$`)
}

/**
 * Answers a request no route took: 405 with `Allow` when the path exists for other methods (a
 * client that uses a route wrongly), else 404 naming the route (a route this server does not
 * have), so neither is mistaken for an unknown object's 404.
 */
export function unknownRouteHandler(routes: () => readonly RouteEntry[]) {
  let table: { method: string; pattern: RegExp }[] | undefined
  return (c: Context) => {
    table ??= routes()
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({ method: route.method, pattern: patternOf(route.path) }))
    const path = c.req.path
    const allowed = [
      ...new Set(table.filter((route) => route.pattern.test(path)).map((route) => route.method)),
    ]
    if (allowed.length > 0 && path.startsWith('/v1/')) {
      c.header('Allow', allowed.join(', '))
      return c.json(
        {
          detail: `Method Not Allowed: ${c.req.method} ${path} (this route answers ${allowed.join(', ')})`,
        },
        405,
      )
    }
    return c.json({ detail: `Not Found: no route ${c.req.method} ${path} on this server` }, 404)
  }
}
