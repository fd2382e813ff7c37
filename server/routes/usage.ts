import { createRoute } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { UsageService } from '../services/usage/usage-service.ts'
import { UsageSummaryQuerySchema, UsageSummarySchema } from './schemas/usage.ts'

const usageSummaryRoute = createRoute({
  method: 'get',
  path: '/v1/usage-summary',
  tags: ['usage'],
  summary: 'Token, step and run totals over a date range, by hour or day and by model or agent',
  description:
    'An extension of the Letta API that only this server offers (Letta servers answer 404; clients then sum the paged `GET /v1/steps/` listing themselves). ' +
    'Sums the steps created in [start_date, end_date): totals, one entry per local hour or day of `time_zone`, the same by model or agent, ' +
    'and the runs with the most tokens. A run counts once, in the bucket and group of its first step in the range. ' +
    'Bad dates, an inverted range, an unknown bucket, grouping or time zone, or a range longer than the bucket allows answer 400.',
  request: { query: UsageSummaryQuerySchema },
  responses: {
    200: jsonResponse(UsageSummarySchema, 'The sums'),
    ...errorResponses(400, 422),
  },
})

export function usageRoutes(usage: UsageService) {
  return createRouter().openapi(usageSummaryRoute, (c) =>
    c.json(usage.summary(c.req.valid('query')), 200),
  )
}
