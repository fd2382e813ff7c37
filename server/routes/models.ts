import { createRoute, z } from '@hono/zod-openapi'

import { createRouter } from '../http/router.ts'
import type { EmbeddingCatalog } from '../services/embedding/models.ts'
import { EmbeddingModelSchema } from './schemas/source.ts'

const listEmbeddingModelsRoute = createRoute({
  method: 'get',
  path: '/v1/models/embedding',
  tags: ['models'],
  summary: 'The embedding models this server can run; the first is the default for new sources',
  responses: {
    200: {
      description: 'Embedding configs, with the model fields newer Letta clients read',
      content: { 'application/json': { schema: z.array(EmbeddingModelSchema) } },
    },
  },
})

export function modelRoutes(embeddings: EmbeddingCatalog) {
  return createRouter().openapi(listEmbeddingModelsRoute, (c) => c.json(embeddings.list(), 200))
}
