import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'

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

/** Wrong passwords an address may send before it must wait. */
export const FREE_WRONG_PASSWORDS = 5
const FIRST_WAIT_MS = 1000
const LONGEST_WAIT_MS = 5 * 60 * 1000
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 15 * 60 * 1000
const MAX_TRACKED_ADDRESSES = 10_000

interface Failures {
  count: number
  last: number
  lockedUntil: number
}

/**
 * Counts wrong passwords per client address. After FREE_WRONG_PASSWORDS, the address must wait
 * before its next try (1 s, doubling with every further failure, at most 5 min); requests sent
 * while it waits are refused unchecked, so guessing cannot go faster by sending more.
 */
export class PasswordThrottle {
  private readonly failures = new Map<string, Failures>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the address must still wait; 0 when it may try. */
  waitFor(address: string): number {
    const entry = this.failures.get(address)
    if (!entry) return 0
    if (this.now() - entry.last > FORGET_AFTER_MS) {
      this.failures.delete(address)
      return 0
    }
    return Math.max(0, entry.lockedUntil - this.now())
  }

  fail(address: string): void {
    const now = this.now()
    const entry = this.failures.get(address) ?? { count: 0, last: now, lockedUntil: 0 }
    entry.count += 1
    entry.last = now
    const over = entry.count - FREE_WRONG_PASSWORDS
    if (over >= 0) entry.lockedUntil = now + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** over)
    // Re-inserted so the map stays ordered by last failure, and the oldest go first when full.
    this.failures.delete(address)
    this.failures.set(address, entry)
    if (this.failures.size > MAX_TRACKED_ADDRESSES) {
      const oldest = this.failures.keys().next().value
      if (oldest !== undefined) this.failures.delete(oldest)
    }
  }

  succeed(address: string): void {
    this.failures.delete(address)
  }
}

/** The peer's address under Node's HTTP server; in-process requests share one entry. */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.socket.remoteAddress ?? 'in-process'
}

export function requirePassword(
  password: string,
  throttle = new PasswordThrottle(),
): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || EXEMPT_PATHS.has(c.req.path)) return next()
    const address = clientAddress(c)
    const wait = throttle.waitFor(address)
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000)
      c.header('Retry-After', String(seconds))
      throw new HttpError(
        429,
        `Too many wrong passwords from this address: try again in ${seconds} s`,
      )
    }
    const given = passwordFromHeaders(
      c.req.header('authorization'),
      c.req.header('x-bare-password'),
    )
    if (given === undefined || !passwordMatches(given, password)) {
      // A request with no password at all is not a guess.
      if (given !== undefined) throttle.fail(address)
      throw new HttpError(401, 'Unauthorized')
    }
    throttle.succeed(address)
    return next()
  }
}
