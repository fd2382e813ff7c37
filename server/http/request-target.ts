import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'

import { HttpError } from './errors.ts'

/** The request line's target exactly as the client sent it, when served by Node's HTTP server. */
export function rawRequestTarget(c: Context): string | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.url
}

/** The Host header as the client sent it (undefined when none was sent), under Node's HTTP server. */
export function rawHostHeader(c: Context): string | undefined | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming ? (incoming.headers.host ?? undefined) : null
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, `The request path has a malformed escape: '${segment}'`)
  }
}

/**
 * URL parsing resolves `.` and `..` (escaped or not) and the router ignores a trailing slash, so
 * `/v1/sources/{id}/files/%2e%2e` would reach `DELETE /v1/sources/{id}`. Such paths are refused
 * before routing: every request reaches only the route its raw path names.
 */
export function refuseAmbiguousPaths(): MiddlewareHandler {
  return async (c, next) => {
    const target = rawRequestTarget(c)
    if (target !== undefined) {
      // An absolute target (`GET http://host/path`) is read without URL's dot-segment resolution.
      const path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0] ?? ''
      const segments = path.split('/').slice(1)
      for (const [index, segment] of segments.entries()) {
        const decoded = decodeSegment(segment)
        if (decoded === '.' || decoded === '..') {
          throw new HttpError(400, `The request path may not contain the segment '${segment}'`)
        }
        if (decoded === '' && index < segments.length - 1) {
          throw new HttpError(400, 'The request path may not contain an empty segment (//)')
        }
      }
    }
    await next()
  }
}
