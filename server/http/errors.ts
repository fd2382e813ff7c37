import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import { UnknownCursorError } from '../storage/pagination.ts'

/** A failure the client caused or should know about; becomes `{detail}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
  ) {
    super(detail)
  }
}

export const notFound = (what: string, id: string) => new HttpError(404, `${what} ${id} not found`)

export const ErrorSchema = z
  .object({ detail: z.string().openapi({ example: 'Tool tool-123 not found' }) })
  .openapi('HTTPError')

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Validation error',
  429: 'Too many requests',
  501: 'Not implemented on this server',
  502: 'The upstream Letta server did not answer',
}

/** Response entries for a route's documented error statuses, all with the `{detail}` body. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  >
}

/** Turns zod issues into one readable line: `body.name: Required; query.limit: Expected number`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], where: string): string {
  return issues
    .map((issue) => {
      const path = [where, ...issue.path.map(String)].filter(Boolean).join('.')
      return `${path}: ${issue.message}`
    })
    .join('; ')
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HttpError) return c.json({ detail: error.detail }, error.status)
  if (error instanceof UnknownCursorError) return c.json({ detail: error.message }, 400)
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return c.json({ detail: error.message || ERROR_DESCRIPTIONS[status] || 'Error' }, status)
  }
  // Internals of a 5xx stay in the server's log, never in the response.
  console.error(error)
  return c.json({ detail: 'Internal server error' }, 500)
}
