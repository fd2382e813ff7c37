import { z } from '@hono/zod-openapi'

import type { PageDefaults } from '../storage/sources-repository.ts'
import { idParam } from './schemas/common.ts'

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
export const sourceIdParam = (settings: KindSettings) =>
  idParam<KindSettings['idName']>(settings.idName)

export function idOf(settings: KindSettings, params: Record<string, string>): string {
  return params[settings.idName] ?? ''
}

export const FileIdParam = idParam('file_id')

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
