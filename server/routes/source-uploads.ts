import { createRoute, z, type RouteHandler } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'

import { errorResponses, HttpError } from '../http/errors.ts'
import { jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { uploadPolicy } from '../services/ingestion/file-types.ts'
import { tooLargeMessage, type UploadService } from '../services/ingestion/uploads.ts'
import { JobSchema } from './schemas/job.ts'
import {
  DuplicateFileHandlingSchema,
  FileMetadataSchema,
  UploadBodySchema,
  UploadPolicySchema,
} from './schemas/source.ts'
import { idOf, KINDS, sourceIdParam, type SourceKind } from './source-paths.ts'

/** Room for the multipart envelope (boundaries, part headers) around a file of the maximum size. */
const MULTIPART_SLACK_BYTES = 64 * 1024

const UploadQuery = z.object({
  duplicate_handling: DuplicateFileHandlingSchema.default('suffix').openapi({
    description:
      'When the source already has a file of that name: skip it, answer 409 (error), store as "name (1).ext" (suffix, default), or replace it.',
  }),
  name: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "Store the file under this name instead of the upload's." }),
  callback_url: z.string().optional().openapi({
    description: 'An http(s) URL that receives the job when it finishes.',
  }),
})

/**
 * POST .../upload (multipart field `file`): the sources route answers with the processing Job (the
 * user's document), the folders route with the FileMetadata (Letta 0.9+). Oversized bodies are
 * refused with 413 from their Content-Length, or while streaming, before they are read whole.
 */
export function sourceUploadRoutes(uploads: UploadService, kind: SourceKind) {
  const settings = KINDS[kind]
  const limit = bodyLimit({
    maxSize: uploads.maxUploadBytes + MULTIPART_SLACK_BYTES,
    onError: () => {
      throw new HttpError(413, tooLargeMessage(uploads.maxUploadBytes))
    },
  })
  const uploadRoute = <T extends z.ZodType>(schema: T, description: string) =>
    createRoute({
      method: 'post',
      path: `${settings.base}/{${settings.idName}}/upload`,
      tags: [settings.tag],
      summary: `Upload a file to a ${settings.noun}; it is processed into passages in the background`,
      middleware: [limit] as const,
      request: {
        params: sourceIdParam(settings),
        query: UploadQuery,
        body: { required: true, content: { 'multipart/form-data': { schema: UploadBodySchema } } },
      },
      responses: {
        200: jsonResponse(schema, description),
        ...errorResponses(400, 404, 409, 413, 415, 422),
      },
    })
  type UploadContext = Parameters<RouteHandler<ReturnType<typeof uploadRoute>>>[0]
  const accept = (c: UploadContext) => {
    const query = c.req.valid('query')
    return uploads.upload({
      sourceId: idOf(settings, c.req.valid('param')),
      file: c.req.valid('form').file,
      name: query.name,
      duplicateHandling: query.duplicate_handling,
      callbackUrl: query.callback_url,
    })
  }

  const router = createRouter()
  if (kind === 'sources') {
    router.openapi(uploadRoute(JobSchema, 'The job that processes the file'), async (c) =>
      c.json((await accept(c)).job, 200),
    )
  } else {
    router.openapi(
      uploadRoute(FileMetadataSchema, 'The file, to poll for its processing status'),
      async (c) => c.json((await accept(c)).file, 200),
    )
  }
  return router
}

const uploadPolicyRoute = createRoute({
  method: 'get',
  path: '/v1/upload-policy',
  tags: ['sources'],
  summary: 'The largest upload and the file types accepted, to check files before sending them',
  responses: { 200: jsonResponse(UploadPolicySchema, 'What uploads may be') },
})

export function uploadPolicyRoutes(maxUploadBytes: number) {
  return createRouter().openapi(uploadPolicyRoute, (c) => c.json(uploadPolicy(maxUploadBytes), 200))
}
