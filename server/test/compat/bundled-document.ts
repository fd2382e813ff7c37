import { createTestApp, json } from '../helpers.ts'
import type { OpenApiDocument } from './openapi-diff.ts'

/** The OpenAPI document the bundled server serves, from a fresh in-memory server. */
export async function openApiDocumentOf(): Promise<OpenApiDocument> {
  const { app } = createTestApp()
  return json<OpenApiDocument>(app.request('/openapi.json'))
}
