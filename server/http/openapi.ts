import type { z } from '@hono/zod-openapi'
import type { TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'

import type { JsonBytes } from '../storage/list-json-cache.ts'
import { withReusedBody } from './compression.ts'

/** A required JSON request body, for a route's `request.body`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/**
 * A 200 answer whose body is JSON encoded already (a list page, kept or built from each row's
 * kept serialisation), sent exactly as `c.json` would send the same value. The bytes go to the
 * socket as they are: the Node adapter writes a byte body without copying or encoding it. The
 * same bytes (a kept page) are compressed once per encoding.
 */
export const preparedJson = <T>(bytes: JsonBytes<T>) =>
  withReusedBody(
    new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    bytes,
  ) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>

/** A JSON response entry, for a route's `responses`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
