import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonBody, jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { SourceService } from '../services/sources.ts'
import { SourceCreateSchema, SourceSchema, SourceUpdateSchema } from './schemas/source.ts'
import { CursorQuery, idOf, KINDS, sourceIdParam, type SourceKind } from './source-paths.ts'

/** Create, read, update, delete and count sources, under /v1/sources or /v1/folders. */
export function sourceRoutes(sources: SourceService, kind: SourceKind) {
  const settings = KINDS[kind]
  const { base, tag, noun } = settings
  const Params = sourceIdParam(settings)
  const path = `${base}/{${settings.idName}}`

  const list = createRoute({
    method: 'get',
    path: base,
    tags: [tag],
    summary: `List ${tag}, oldest first, with cursor paging and an optional exact name`,
    request: {
      query: CursorQuery.extend({
        name: z
          .string()
          .min(1)
          .optional()
          .openapi({ description: `Only the ${noun} with this name.` }),
      }),
    },
    responses: {
      200: jsonResponse(z.array(SourceSchema), `The ${tag}`),
      ...errorResponses(400, 422),
    },
  })
  const create = createRoute({
    method: 'post',
    path: base,
    tags: [tag],
    summary: `Create a ${noun}; names are unique`,
    request: { body: jsonBody(SourceCreateSchema) },
    responses: {
      200: jsonResponse(SourceSchema, `The new ${noun}`),
      ...errorResponses(400, 409, 422),
    },
  })
  const count = createRoute({
    method: 'get',
    path: `${base}/count`,
    tags: [tag],
    summary: `How many ${tag} there are, as a bare integer`,
    responses: { 200: jsonResponse(z.number().int(), `The number of ${tag}`) },
  })
  const byName = createRoute({
    method: 'get',
    path: `${base}/name/{name}`,
    tags: [tag],
    summary: `The id of the ${noun} with this name`,
    request: {
      params: z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' } }) }),
    },
    responses: { 200: jsonResponse(z.string(), `The ${noun}'s id`), ...errorResponses(404) },
  })
  const get = createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary: `Get a ${noun}`,
    request: { params: Params },
    responses: { 200: jsonResponse(SourceSchema, `The ${noun}`), ...errorResponses(404) },
  })
  const update = createRoute({
    method: 'patch',
    path,
    tags: [tag],
    summary: `Change a ${noun}'s name, description, instructions, metadata or embedding config`,
    request: { params: Params, body: jsonBody(SourceUpdateSchema) },
    responses: {
      200: jsonResponse(SourceSchema, `The changed ${noun}`),
      ...errorResponses(400, 404, 409, 422),
    },
  })
  const remove = createRoute({
    method: 'delete',
    path,
    tags: [tag],
    summary: `Delete a ${noun} with its files, passages and stored originals; running ingestion stops`,
    request: { params: Params },
    responses: { 200: jsonResponse(SourceSchema, `The ${noun} as it was`), ...errorResponses(404) },
  })

  return createRouter()
    .openapi(list, (c) => {
      const { name, ...cursor } = c.req.valid('query')
      return c.json(sources.list({ name }, cursor, settings.sourcesPage), 200)
    })
    .openapi(create, (c) => c.json(sources.create(c.req.valid('json')), 200))
    .openapi(count, (c) => c.json(sources.count(), 200))
    .openapi(byName, (c) => c.json(sources.idByName(c.req.valid('param').name), 200))
    .openapi(get, (c) => c.json(sources.get(idOf(settings, c.req.valid('param'))), 200))
    .openapi(update, (c) =>
      c.json(sources.update(idOf(settings, c.req.valid('param')), c.req.valid('json')), 200),
    )
    .openapi(remove, async (c) =>
      c.json(await sources.delete(idOf(settings, c.req.valid('param'))), 200),
    )
}
