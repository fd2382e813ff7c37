import type { Context, MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

import { editResponseHeaders } from './response-headers.ts'

export interface CorsOptions {
  /** The origin to allow for a request's Origin header, or null to allow none. */
  origin: (origin: string, c: Context) => string | null
  allowHeaders: string[]
  allowMethods: string[]
  maxAge: number
}

/**
 * Hono's CORS headers, set without its copy of every answer: for requests other than preflights
 * Hono's middleware adds `Vary: Origin` with `c.header()` once the handler has answered, which
 * copies the Response and its body (see editResponseHeaders). Preflights (OPTIONS) still go to
 * Hono's middleware, which answers them itself.
 */
export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const preflight = cors(options)
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next)
    const allowOrigin = options.origin(c.req.header('origin') ?? '', c)
    await next()
    editResponseHeaders(c, (headers) => {
      if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin)
      headers.append('Vary', 'Origin')
    })
  }
}
