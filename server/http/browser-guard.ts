import type { MiddlewareHandler } from 'hono'

import { isLoopbackHost } from '../config.ts'
import { HttpError } from './errors.ts'
import { rawHostHeader, rawRequestTarget } from './request-target.ts'

export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin)
}

function hostnameOf(hostHeader: string): string {
  // `[::1]:8283` keeps its brackets off; `localhost:8283` loses its port.
  const bracketed = hostHeader.match(/^\[([^\]]+)\]/)
  return (bracketed?.[1] ?? hostHeader.replace(/:\d+$/, '')).toLowerCase()
}

/** Health tells only that the server is up and its version: load balancers and docker probe it by any name. */
const OPEN_PATHS = new Set(['/v1/health', '/v1/health/'])

/**
 * Without a password, any web page the user opens could call this server from the browser: run
 * tools, upload files, spend an upstream key. So a password-less server answers only requests
 * addressed to a loopback name or to a host named with --allowed-host (which stops DNS
 * rebinding), and from a browser only those of its own console, of an allowed host, or of an
 * origin allowed with --cors-origin. Clients that are not browsers send no Origin and are not
 * affected.
 */
export function guardPasswordlessServer(
  allowedOrigins: readonly string[],
  allowedHosts: readonly string[] = [],
): MiddlewareHandler {
  const hostAllowed = (hostname: string) =>
    isLoopbackHost(hostname) || allowedHosts.includes(hostname)
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host
    const openPath = OPEN_PATHS.has(c.req.path)
    // Over HTTP, a request without a Host header or with an absolute URL in its request line names
    // no loopback address of its own: Node would fill in the listening address, so it is refused.
    const sentHost = rawHostHeader(c)
    const target = rawRequestTarget(c)
    if (
      !openPath &&
      (sentHost === undefined || (target !== undefined && !target.startsWith('/')))
    ) {
      throw new HttpError(
        403,
        'Requests without a Host header or with an absolute URL are refused: without a password this server answers only to localhost and 127.0.0.1',
      )
    }
    if (!openPath && !hostAllowed(hostnameOf(host))) {
      throw new HttpError(
        403,
        `Requests for ${host} are refused: without a password this server answers only to localhost, 127.0.0.1 ` +
          `and the hosts named with --allowed-host (start it with --allowed-host ${hostnameOf(host)} to allow this one)`,
      )
    }
    const origin = c.req.header('origin')
    if (
      origin &&
      !sameHost(origin, host) &&
      !originAllowed(origin, allowedOrigins) &&
      !originOfAllowedHost(origin, allowedHosts)
    ) {
      throw new HttpError(
        403,
        `Requests from ${origin} are refused: start the server with --cors-origin ${origin} to allow them`,
      )
    }
    await next()
  }
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/** A reverse proxy may rewrite Host to this server's own address; its public origin then differs. */
function originOfAllowedHost(origin: string, allowedHosts: readonly string[]): boolean {
  try {
    return allowedHosts.includes(new URL(origin).hostname.toLowerCase())
  } catch {
    return false
  }
}
