import createClient, { type Middleware } from 'openapi-fetch'

import { routeForServer } from '@/lib/capabilities'
import { getConnection, requestHeaders, serverUrl } from '@/lib/connection'

import type { paths } from './generated/schema'

/**
 * A schema type as openapi-fetch hands it over: it leaves out the keys whose only value is null
 * (fields this server always sends as null), so types read from responses use this shape.
 */
export type AsReceived<T> = T extends (infer Item)[]
  ? AsReceived<Item>[]
  : T extends object
    ? { [K in keyof T as [NonNullable<T[K]>] extends [never] ? never : K]: AsReceived<T[K]> }
    : T

/** A failed API call: the HTTP status (0 when nothing answered) and the server's `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail)
  }
}

const unauthorizedListeners = new Set<() => void>()

/** Called whenever the server answers 401, so the shell can ask for a password. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

const reachabilityListeners = new Set<(reachable: boolean) => void>()

/** Called after every API call with whether the server answered (a gateway error counts as not). */
export function onReachability(listener: (reachable: boolean) => void): () => void {
  reachabilityListeners.add(listener)
  return () => reachabilityListeners.delete(listener)
}

function reportReachability(reachable: boolean): void {
  for (const listener of reachabilityListeners) listener(reachable)
}

const GATEWAY_FAILURES = new Set([502, 503, 504])

/** Tells the shell about a 401 from any request, the generated client's or a stream's. */
export function reportUnauthorized(response: Response): void {
  if (response.status === 401) for (const listener of unauthorizedListeners) listener()
}

const connectionMiddleware: Middleware = {
  async onRequest({ request }) {
    const connection = getConnection()
    const url = new URL(request.url)
    // The server's address may carry a path (a reverse proxy's prefix): append, never resolve.
    const target = `${serverUrl(connection)}${routeForServer(url.pathname)}${url.search}`
    const headers = new Headers(request.headers)
    for (const [name, value] of Object.entries(requestHeaders(connection))) {
      headers.set(name, value)
    }
    // Buffered, not streamed: browsers send a streamed request body only over HTTP/2.
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : await request.arrayBuffer()
    return new Request(target, { method: request.method, body, signal: request.signal, headers })
  },
  onResponse({ response }) {
    reportReachability(!GATEWAY_FAILURES.has(response.status))
    reportUnauthorized(response)
    return response
  },
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // The page's fetch at the time of each call, not the one there when this module loaded.
  fetch: (request) => globalThis.fetch(request),
})
api.use(connectionMiddleware)

/** A client for a server that is not (yet) the saved connection: the Connection page's test. */
export function createServerClient(options: {
  url: string
  password: string
  projectId?: string
  fetch?: (request: Request) => Promise<Response>
}) {
  return createClient<paths>({
    baseUrl: options.url,
    headers: requestHeaders({ password: options.password, projectId: options.projectId ?? '' }),
    ...(options.fetch && { fetch: options.fetch }),
  })
}

/** Returns the data of an openapi-fetch result or throws an ApiError with the server's detail. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, describeError(result.error, result.response))
  }
  return result.data as T
}

function describeError(error: unknown, response: Response): string {
  if (error && typeof error === 'object' && 'detail' in error) {
    const detail = (error as { detail: unknown }).detail
    return typeof detail === 'string' ? detail : JSON.stringify(detail)
  }
  if (typeof error === 'string' && error) return error
  return `${response.status} ${response.statusText}`.trim()
}

/** Wraps a call so that a network failure becomes an ApiError with status 0. */
export async function call<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await request()
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    reportReachability(false)
    throw new ApiError(0, `Cannot reach the server at ${serverUrl(getConnection())}`)
  }
  return unwrap(result)
}
