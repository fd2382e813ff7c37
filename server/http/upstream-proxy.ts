import type { MiddlewareHandler } from 'hono'

import type { UpstreamConfig } from '../config.ts'
import { HttpError } from './errors.ts'

/** Headers that belong to one hop, or that the browser sent for this server rather than the upstream. */
const REQUEST_HEADERS_NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'accept-encoding',
  'authorization',
  'x-bare-password',
  'cookie',
  'origin',
  'referer',
])

/** fetch has already decoded the body, and CORS is answered here, not by the upstream. */
const RESPONSE_HEADERS_NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'set-cookie',
])

/**
 * Forwards every `/v1` request to a real Letta server, adding its key on the way, so the console
 * reaches Letta Cloud or a self-hosted Letta from its own origin: no CORS refusal, and the key
 * never reaches the browser.
 */
export function forwardToUpstream(
  upstream: UpstreamConfig,
  fetchImpl: typeof fetch = fetch,
): MiddlewareHandler {
  return async (c) => {
    const incoming = new URL(c.req.url)
    const target = `${upstream.url}${incoming.pathname}${incoming.search}`
    const headers = new Headers()
    for (const [name, value] of c.req.raw.headers) {
      if (!REQUEST_HEADERS_NOT_FORWARDED.has(name) && !name.startsWith('access-control-')) {
        headers.set(name, value)
      }
    }
    if (upstream.apiKey) headers.set('authorization', `Bearer ${upstream.apiKey}`)
    if (upstream.projectId) headers.set('x-project-id', upstream.projectId)
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD'

    let response: Response
    try {
      response = await fetchImpl(target, {
        method: c.req.method,
        headers,
        body: hasBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: c.req.raw.signal,
        // Streams an upload through without holding it in memory.
        ...(hasBody && ({ duplex: 'half' } as RequestInit)),
      })
    } catch (error) {
      const reason =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
      throw new HttpError(502, `The Letta server at ${upstream.url} did not answer (${reason})`)
    }
    const responseHeaders = new Headers()
    for (const [name, value] of response.headers) {
      if (!RESPONSE_HEADERS_NOT_FORWARDED.has(name) && !name.startsWith('access-control-')) {
        responseHeaders.set(name, value)
      }
    }
    return new Response(response.body, { status: response.status, headers: responseHeaders })
  }
}
