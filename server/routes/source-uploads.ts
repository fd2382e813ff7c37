import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'

import { errorResponses } from '../http/errors.ts'
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

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
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
    onError: (c) => c.json({ detail: tooLargeMessage(uploads.maxUploadBytes) }, 413),
  })
  const request = {
    params: sourceIdParam(settings),
    query: UploadQuery,
    body: { required: true, content: { 'multipart/form-data': { schema: UploadBodySchema } } },
  }
  const errors = errorResponses(400, 404, 409, 413, 415, 422)
  const description = `Upload a file to a ${settings.noun}; it is processed into passages in the background`

  const upload = async (
    params: Record<string, string>,
    query: z.output<typeof UploadQuery>,
    file: File,
  ) =>
    uploads.upload({
      sourceId: idOf(settings, params),
      file,
      name: query.name,
      duplicateHandling: query.duplicate_handling,
      callbackUrl: query.callback_url,
    })

  const router = createRouter()
  if (kind === 'sources') {
    const route = createRoute({
      method: 'post',
      path: `${settings.base}/{${settings.idName}}/upload`,
      tags: [settings.tag],
      summary: description,
      middleware: [limit] as const,
      request,
      responses: { 200: json(JobSchema, 'The job that processes the file'), ...errors },
    })
    router.openapi(route, async (c) => {
      const result = await upload(
        c.req.valid('param'),
        c.req.valid('query'),
        c.req.valid('form').file,
      )
      return c.json(result.job, 200)
    })
  } else {
    const route = createRoute({
      method: 'post',
      path: `${settings.base}/{${settings.idName}}/upload`,
      tags: [settings.tag],
      summary: description,
      middleware: [limit] as const,
      request,
      responses: {
        200: json(FileMetadataSchema, 'The file, to poll for its processing status'),
        ...errors,
      },
    })
    router.openapi(route, async (c) => {
      const result = await upload(
        c.req.valid('param'),
        c.req.valid('query'),
        c.req.valid('form').file,
      )
      return c.json(result.file, 200)
    })
  }
  return router
}

const uploadPolicyRoute = createRoute({
  method: 'get',
  path: '/v1/upload-policy',
  tags: ['sources'],
  summary: 'The largest upload and the file types accepted, to check files before sending them',
  responses: { 200: json(UploadPolicySchema, 'What uploads may be') },
})

export function uploadPolicyRoutes(maxUploadBytes: number) {
  return createRouter().openapi(uploadPolicyRoute, (c) => c.json(uploadPolicy(maxUploadBytes), 200))
}
