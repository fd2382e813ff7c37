import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

import { editResponseHeaders } from './response-headers.ts'

export type ContentEncoding = 'br' | 'gzip'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Bodies smaller than this go as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024

/**
 * The encoding to send for an Accept-Encoding header, Brotli before gzip, honouring `q=0`
 * refusals and `*`; undefined when the client accepts neither (or sent no header).
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly ContentEncoding[] = ['br', 'gzip'],
): ContentEncoding | undefined {
  if (!acceptEncoding) return undefined
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0
  let best: ContentEncoding | undefined
  for (const encoding of available) {
    if (weightOf(encoding) > 0 && (!best || weightOf(encoding) > weightOf(best))) best = encoding
  }
  return best
}

/** Adds `Accept-Encoding` to a response's Vary header, keeping what is there. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (!vary) headers.set('Vary', 'Accept-Encoding')
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
    headers.set('Vary', `${vary}, Accept-Encoding`)
}

/** Statuses whose answers never carry a body (the Fetch standard's null body statuses). */
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

const isJson = (contentType: string | null) =>
  contentType !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)

function compressBody(plain: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(plain, {
        params: {
          // Level 4 compresses JSON nearly as well as 11 at a small part of the cost.
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
        },
      })
    : gzipAsync(plain, { level: 6 })
}

/**
 * Byte bodies sent again and again as the very same bytes (kept list pages), by the Response
 * carrying each, and what each was compressed to. Brotli takes ~2 ms for a 100 KB list, over ten
 * times the rest of its answer, so a kept page is compressed once per encoding, and the
 * compressed forms live exactly as long as the page's bytes.
 */
const reusedBodies = new WeakMap<Response, Uint8Array>()
const compressedForms = new WeakMap<Uint8Array, Map<ContentEncoding, Promise<Buffer>>>()

/** Marks a response whose body is bytes that later responses may carry again. */
export function withReusedBody(response: Response, body: Uint8Array): Response {
  reusedBodies.set(response, body)
  return response
}

/** The page compressed once; requests arriving while that runs wait for the same result. */
function compressOnce(bytes: Uint8Array, encoding: ContentEncoding): Promise<Buffer> {
  let forms = compressedForms.get(bytes)
  if (!forms) compressedForms.set(bytes, (forms = new Map()))
  let form = forms.get(encoding)
  if (!form) {
    form = compressBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
    forms.set(encoding, form)
    // A failure is not kept: the next request tries again.
    form.catch(() => forms.delete(encoding))
  }
  return form
}

/**
 * Compresses JSON responses of at least MIN_COMPRESSED_BYTES on the fly, with Brotli at a fast
 * level or gzip, for clients that accept one. Other types (event streams, downloads, the
 * console's files, compressed at build time) and responses already encoded pass through.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const response = c.res
    // Headers and status first: reading `body` of the Node adapter's light Response builds a full
    // one and a stream to read it back, which answers that are sent as they are never need.
    if (c.req.method === 'HEAD' || NO_BODY_STATUSES.has(response.status)) return
    if (response.headers.has('Content-Encoding')) return
    if (!isJson(response.headers.get('Content-Type'))) return
    const declared = response.headers.get('Content-Length')
    if (declared !== null && Number(declared) < MIN_COMPRESSED_BYTES) return
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'))
    if (!encoding) {
      // Nothing to compress: only say that another client could get another encoding, without
      // copying the body.
      editResponseHeaders(c, varyOnEncoding)
      return
    }
    const reused = reusedBodies.get(response)
    if (!reused && !response.body) return
    const plain = reused
      ? Buffer.from(reused.buffer, reused.byteOffset, reused.byteLength)
      : Buffer.from(await response.arrayBuffer())
    const compress = plain.length >= MIN_COMPRESSED_BYTES
    let body: Buffer = plain
    if (compress)
      body = reused ? await compressOnce(reused, encoding) : await compressBody(plain, encoding)
    // Hono copies the previous response's headers but its type onto the new one, so ours are
    // set after.
    c.res = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json' },
    })
    const headers = c.res.headers
    if (compress) varyOnEncoding(headers)
    if (compress) headers.set('Content-Encoding', encoding)
    headers.set('Content-Length', String(body.length))
  }
}
