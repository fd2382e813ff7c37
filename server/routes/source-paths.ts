import { z } from '@hono/zod-openapi'

import type { PageDefaults } from '../storage/sources-repository.ts'

/** Letta serves the same resources as /v1/sources (the user's document) and /v1/folders (0.9+). */
export type SourceKind = 'sources' | 'folders'

export interface KindSettings {
  base: string
  tag: string
  /** The path parameter that names the source. */
  idName: 'source_id' | 'folder_id'
  noun: string
  sourcesPage: PageDefaults
  filesPage: PageDefaults
  passagesPage: PageDefaults
}

/** Page sizes and orders follow each generation of Letta's own defaults. */
export const KINDS: Record<SourceKind, KindSettings> = {
  sources: {
    base: '/v1/sources',
    tag: 'sources',
    idName: 'source_id',
    noun: 'source',
    sourcesPage: { defaultLimit: 1000, defaultOrder: 'asc' },
    filesPage: { defaultLimit: 1000, defaultOrder: 'asc' },
    passagesPage: { defaultLimit: 100, defaultOrder: 'asc' },
  },
  folders: {
    base: '/v1/folders',
    tag: 'folders',
    idName: 'folder_id',
    noun: 'folder',
    sourcesPage: { defaultLimit: 50, defaultOrder: 'asc' },
    filesPage: { defaultLimit: 1000, defaultOrder: 'desc' },
    passagesPage: { defaultLimit: 100, defaultOrder: 'desc' },
  },
}

/** `{source_id}` or `{folder_id}`: a string the handler reads back with idOf(). */
export function sourceIdParam(settings: KindSettings) {
  return z.object({
    [settings.idName]: z.string().openapi({
      param: { name: settings.idName, in: 'path' },
      example: 'source-5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f',
    }),
  })
}

export function idOf(settings: KindSettings, params: Record<string, string>): string {
  return params[settings.idName] ?? ''
}

export function fileIdOf(params: Record<string, string>): string {
  return params.file_id ?? ''
}

export const FileIdParam = {
  file_id: z.string().openapi({
    param: { name: 'file_id', in: 'path' },
    example: 'file-5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f',
  }),
}

// Documented as a boolean, so generated clients send true/false; any casing of true/false/1/0 is read.
export const QueryBoolean = z.stringbool().openapi({ type: 'boolean' })

export const CursorQuery = z.object({
  before: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'An id: items before it in the list order.' }),
  after: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'An id: items after it in the list order.' }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  order: z.enum(['asc', 'desc']).optional().openapi({ description: 'Creation order.' }),
})
