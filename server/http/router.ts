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
      if (result.success) return
      // A text or list over its documented bound is a 400 naming the field; other failures 422.
      const tooLong =
        result.target === 'json' &&
        result.error.issues.every(
          (issue) =>
            issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'),
        )
      throw new HttpError(tooLong ? 400 : 422, formatIssues(result.error.issues, result.target))
    },
  })
}

export type Router = ReturnType<typeof createRouter>
