import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'

import { HttpError } from './errors.ts'

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Compares digests so that neither the length nor the content of the password leaks through timing. */
export function passwordMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The password a Letta client sends: `Authorization: Bearer <pw>` or `X-BARE-PASSWORD: password <pw>`. */
export function passwordFromHeaders(
  authorization?: string,
  barePassword?: string,
): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
  if (bearer) return bearer.trim()
  const bare = barePassword?.match(/^password\s+(.+)$/i)?.[1]
  return bare?.trim()
}

const EXEMPT_PATHS = new Set(['/v1/health', '/v1/health/'])

export function requirePassword(password: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || EXEMPT_PATHS.has(c.req.path)) return next()
    const given = passwordFromHeaders(
      c.req.header('authorization'),
      c.req.header('x-bare-password'),
    )
    if (given === undefined || !passwordMatches(given, password)) {
      throw new HttpError(401, 'Unauthorized')
    }
    return next()
  }
}
