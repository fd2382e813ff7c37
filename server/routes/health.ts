import { createRoute, z } from '@hono/zod-openapi'

import { createRouter } from '../http/router.ts'

export const HealthSchema = z
  .object({
    version: z.string().openapi({ example: '0.1.0' }),
    status: z.string().openapi({ example: 'ok' }),
  })
  .openapi('Health')

const healthRoute = createRoute({
  method: 'get',
  path: '/v1/health',
  tags: ['health'],
  summary: 'Check that the server is up; needs no password',
  responses: {
    200: {
      description: 'The server is up',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
})

export function healthRoutes(version: string) {
  return createRouter().openapi(healthRoute, (c) => c.json({ version, status: 'ok' }, 200))
}
