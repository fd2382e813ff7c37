import { OpenAPIHono } from '@hono/zod-openapi'

import { formatIssues } from './errors.ts'

/**
 * Every API router: trailing slashes optional (Letta's routes end in `/`, clients call both forms),
 * and a failed schema check answers 422 with a readable `{detail}` string, as real Letta servers do.
 */
export function createRouter() {
  return new OpenAPIHono({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json({ detail: formatIssues(result.error.issues, result.target) }, 422)
      }
    },
  })
}

export type Router = ReturnType<typeof createRouter>
