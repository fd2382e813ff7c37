import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

import { jsonNestingDepth, MAX_JSON_DEPTH } from '../services/json-depth.ts'
import { HttpError } from './errors.ts'

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/**
 * Every request body but an upload is bounded by --max-body-mb as it is read: beyond it the answer
 * is 413 and nothing is parsed or stored. JSON nested too deeply to serialise again answers 400.
 */
export function limitRequestBodies(limits: { maxBodyBytes: number }): MiddlewareHandler {
  const forJson = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: (c) =>
      c.json(
        {
          detail: `The request body is larger than this server accepts (${megabytes(limits.maxBodyBytes)}; see --max-body-mb)`,
        },
        413,
      ),
  })
  // Read from a copy, so the route still reads the body its own way; deep JSON is refused unparsed.
  const refuseDeepJson: MiddlewareHandler = async (c, next) => {
    if (/^application\/(?:[\w.+-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
      const depth = jsonNestingDepth(await c.req.raw.clone().text())
      if (depth > MAX_JSON_DEPTH) {
        throw new HttpError(
          400,
          `The JSON body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`,
        )
      }
    }
    await next()
  }
  return (c, next) => {
    // The Node adapter gives GET and HEAD requests no body, and asking for one builds the full
    // Request object: the commonest requests skip both.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const type = c.req.header('content-type') ?? ''
    // Upload routes count multipart bytes themselves as they stream in (--max-upload-mb).
    if (/^multipart\/form-data/i.test(type)) return next()
    return forJson(c, async () => {
      await refuseDeepJson(c, next)
    })
  }
}
