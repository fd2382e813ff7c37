import { OpenAPIHono } from '@hono/zod-openapi'

import { formatIssues, HttpError } from './errors.ts'

/**
 * Every API router: trailing slashes optional (Letta's routes end in `/`, clients call both forms),
 * and a failed schema check answers 422 with a readable `{detail}` string, as real Letta servers do
 * (thrown, so the app's one error handler writes it).
 */
export function createRouter() {
  return new OpenAPIHono({
    strict: false,
    defaultHook: (result) => {
      if (!result.success)
        throw new HttpError(422, formatIssues(result.error.issues, result.target))
    },
  })
}

export type Router = ReturnType<typeof createRouter>
