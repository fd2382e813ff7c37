import { createRoute, z, type RouteHandler } from '@hono/zod-openapi'

import { errorResponses } from '../http/errors.ts'
import { jsonResponse, preparedJson } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { SourceService } from '../services/sources.ts'
import { QueryBoolean } from './schemas/common.ts'
import { FileMetadataSchema, PassageSchema } from './schemas/source.ts'
import {
  CursorQuery,
  FileIdParam,
  idOf,
  KINDS,
  sourceIdParam,
  type SourceKind,
} from './source-paths.ts'

const IncludeContent = QueryBoolean.optional().openapi({
  description: 'Add the extracted text as `content` (default false).',
})

/** A source's files (list, get, delete) and passages, under /v1/sources or /v1/folders. */
export function sourceFileRoutes(sources: SourceService, kind: SourceKind) {
  const settings = KINDS[kind]
  const { tag, noun } = settings
  const base = `${settings.base}/{${settings.idName}}`
  const Params = sourceIdParam(settings)
  // Spread rather than extend(), which would let Params' open key type swallow file_id's.
  const FileParams = z.object({ ...Params.shape, ...FileIdParam.shape })

  const listFiles = createRoute({
    method: 'get',
    path: `${base}/files`,
    tags: [tag],
    summary: `List the files of a ${noun}, with their processing status`,
    request: {
      params: Params,
      query: CursorQuery.extend({ include_content: IncludeContent }),
    },
    responses: {
      200: jsonResponse(z.array(FileMetadataSchema), 'The files'),
      ...errorResponses(400, 404, 422),
    },
  })
  const getFile = createRoute({
    method: 'get',
    path: `${base}/files/{file_id}`,
    tags: [tag],
    summary: 'Get one file, with its processing status',
    request: { params: FileParams, query: z.object({ include_content: IncludeContent }) },
    responses: { 200: jsonResponse(FileMetadataSchema, 'The file'), ...errorResponses(404, 422) },
  })
  const deleteFileRoute = (path: string, summary: string) =>
    createRoute({
      method: 'delete',
      path,
      tags: [tag],
      summary,
      request: { params: FileParams },
      responses: { 204: { description: 'The file is deleted' }, ...errorResponses(404) },
    })
  const deleteFile = deleteFileRoute(
    `${base}/files/{file_id}`,
    'Delete a file with its passages and stored original; its ingestion stops if running',
  )
  const deleteFileLetta = deleteFileRoute(
    `${base}/{file_id}`,
    "Delete a file (Letta's path for the same operation)",
  )
  const listPassages = createRoute({
    method: 'get',
    path: `${base}/passages`,
    tags: [tag],
    summary: `List the passages cut from the files of a ${noun}`,
    request: {
      params: Params,
      query: CursorQuery.extend({
        file_id: z
          .string()
          .min(1)
          .optional()
          .openapi({ description: 'Only passages of this file.' }),
        search: z.string().min(1).optional().openapi({
          description: 'Only passages whose text contains this, ignoring ASCII letter case.',
        }),
      }),
    },
    responses: {
      200: jsonResponse(z.array(PassageSchema), 'The passages'),
      ...errorResponses(400, 404, 422),
    },
  })

  const handleDeleteFile: RouteHandler<typeof deleteFile> = async (c) => {
    const params = c.req.valid('param')
    await sources.deleteFile(idOf(settings, params), params.file_id)
    return c.body(null, 204)
  }

  return createRouter()
    .openapi(listFiles, (c) => {
      const { include_content, ...cursor } = c.req.valid('query')
      const id = idOf(settings, c.req.valid('param'))
      return preparedJson(
        sources.listFilesJson(id, cursor, settings.filesPage, include_content ?? false),
      )
    })
    .openapi(getFile, (c) => {
      const params = c.req.valid('param')
      const includeContent = c.req.valid('query').include_content ?? false
      return c.json(sources.getFile(idOf(settings, params), params.file_id, includeContent), 200)
    })
    .openapi(deleteFile, handleDeleteFile)
    .openapi(deleteFileLetta, handleDeleteFile)
    .openapi(listPassages, (c) => {
      const { file_id, search, ...cursor } = c.req.valid('query')
      const id = idOf(settings, c.req.valid('param'))
      return preparedJson(
        sources.listPassagesJson(id, { file_id, search }, cursor, settings.passagesPage),
      )
    })
}
