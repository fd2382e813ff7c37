import type { MiddlewareHandler } from 'hono'

import { editResponseHeaders } from './response-headers.ts'

/**
 * The console's policy: scripts, workers and styles only from this origin (no inline script at
 * all; inline styles stay allowed because Monaco and Radix position elements with them), never
 * framed. connect-src allows any http(s) server because Settings → Connection may point the
 * console at another Letta server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  // 'self', not 'none': the page's <base href> names the --base-path prefix the console lives under.
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers on every response, the API's included: a JSON answer is never sniffed as a page. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    editResponseHeaders(c, (headers) => {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      headers.set('X-Frame-Options', 'DENY')
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Referrer-Policy', 'no-referrer')
      headers.set('Cross-Origin-Opener-Policy', 'same-origin')
    })
  }
}
