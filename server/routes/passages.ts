import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses, HttpError } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { SourceService } from '../services/sources.ts'
import { PassageSchema } from './schemas/source.ts'

const PassageSearchRequestSchema = z
  .object({
    query: z.string().trim().min(1).max(2000).openapi({ description: 'Text to rank passages by.' }),
    source_id: z.string().min(1).max(200).optional().openapi({
      description:
        "This server's extension: rank the passages of this source (required here, as each source may use its own embedder).",
    }),
    agent_id: z
      .string()
      .max(200)
      .nullish()
      .openapi({ description: 'Not supported on this server.' }),
    archive_id: z
      .string()
      .max(200)
      .nullish()
      .openapi({ description: 'Not supported on this server.' }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(50)
      .openapi({ description: 'At most this many.' }),
  })
  .openapi('PassageSearchRequest')

const PassageSearchResultSchema = z
  .object({
    passage: PassageSchema,
    score: z.number().openapi({ description: 'Cosine similarity to the query, -1 to 1.' }),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('PassageSearchResult')

const searchPassagesRoute = createRoute({
  method: 'post',
  path: '/v1/passages/search',
  tags: ['passages'],
  summary:
    "Rank a source's passages by similarity to a query (this server's form of Letta's search)",
  description:
    "Letta's endpoint searches archives by agent_id or archive_id. This server has source passages only: it takes `source_id` instead, embeds the query with that source's own embedder and returns the most similar passages, best first, each with its cosine similarity as `score`.",
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: PassageSearchRequestSchema } },
    },
  },
  responses: {
    200: jsonResponse(z.array(PassageSearchResultSchema), 'The passages, most similar first'),
    ...errorResponses(400, 404, 409, 422, 502),
  },
})

export function passageRoutes(sources: SourceService) {
  return createRouter().openapi(searchPassagesRoute, async (c) => {
    const body = c.req.valid('json')
    if (body.agent_id || body.archive_id) {
      throw new HttpError(
        400,
        'This server searches source passages: give source_id, not agent_id or archive_id.',
      )
    }
    if (!body.source_id)
      throw new HttpError(400, 'source_id is required: name the source to search.')
    return c.json(await sources.searchPassages(body.source_id, body.query, body.limit), 200)
  })
}
