import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { LlmCatalog } from '../services/agents/llm-models.ts'
import type { EmbeddingCatalog } from '../services/embedding/models.ts'
import { ModelListQuerySchema, ModelSchema } from './schemas/agent.ts'
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

const listModelsRoute = createRoute({
  method: 'get',
  path: '/v1/models',
  tags: ['models'],
  summary: 'The chat models agents can use (the one set with --llm-model); empty with no provider',
  request: { query: ModelListQuerySchema },
  responses: { 200: jsonResponse(z.array(ModelSchema), 'The models'), ...errorResponses(422) },
})

export function modelRoutes(embeddings: EmbeddingCatalog, models: LlmCatalog) {
  return createRouter()
    .openapi(listEmbeddingModelsRoute, (c) => c.json(embeddings.list(), 200))
    .openapi(listModelsRoute, (c) => {
      const query = c.req.valid('query')
      const listed = models
        .list()
        .filter((model) => !query.provider_name || model.provider_name === query.provider_name)
        .filter((model) => !query.provider_type || model.provider_type === query.provider_type)
        .filter(
          (model) =>
            !query.provider_category?.length ||
            query.provider_category.includes(model.provider_category ?? ''),
        )
      return c.json(listed, 200)
    })
}
