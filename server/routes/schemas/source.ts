import { z } from '@hono/zod-openapi'

import { DUPLICATE_HANDLING } from '../../services/ingestion/uploads.ts'
import { FILE_PROCESSING_STATUSES } from '../../storage/files-repository.ts'
import { boundedString, exampleId, TEXT_BOUNDS } from './common.ts'

const nullableString = z.string().nullable()
const Metadata = z.record(z.string(), z.unknown())

export const EmbeddingConfigSchema = z
  .object({
    embedding_endpoint_type: z.string().openapi({
      description: "Who computes the vectors: 'local' (built in) or 'openai' (any compatible API).",
      example: 'local',
    }),
    embedding_endpoint: nullableString.openapi({ description: 'Base URL of the embeddings API.' }),
    embedding_model: z.string().openapi({ example: 'lexical-hash-384' }),
    embedding_dim: z.number().int().openapi({ example: 384 }),
    embedding_chunk_size: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Tokens per passage at most.', example: 300 }),
    batch_size: z
      .number()
      .int()
      .openapi({ description: 'Texts per embeddings request.', example: 32 }),
    handle: nullableString.openapi({ example: 'letta-admin/lexical-hash-384' }),
  })
  .openapi('EmbeddingConfig')

/** What a client may send as embedding_config: the model is required, the rest is filled in. */
export const EmbeddingConfigInputSchema = z.object({
  embedding_endpoint_type: boundedString(TEXT_BOUNDS.name).optional(),
  embedding_endpoint: boundedString(TEXT_BOUNDS.description).nullable().optional(),
  embedding_model: boundedString(TEXT_BOUNDS.name).min(1),
  embedding_dim: z.number().int().positive().optional(),
  embedding_chunk_size: z.number().int().min(64).max(8192).nullable().optional(),
  batch_size: z.number().int().min(1).max(2048).optional(),
  handle: boundedString(TEXT_BOUNDS.name).nullable().optional(),
})

export const EmbeddingModelSchema = EmbeddingConfigSchema.extend({
  name: z.string(),
  display_name: z.string(),
  provider_name: z.string(),
  provider_type: z.string(),
  model_type: z.literal('embedding'),
}).openapi('EmbeddingModel')

export const SourceSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('source') }),
    name: z.string(),
    description: nullableString,
    instructions: nullableString.openapi({ description: 'How an agent should use the files.' }),
    metadata: Metadata.nullable(),
    embedding_config: EmbeddingConfigSchema,
    vector_db_provider: z.string().openapi({ example: 'native' }),
    created_by_id: nullableString,
    last_updated_by_id: nullableString,
    created_at: z.string(),
    updated_at: z.string(),
    file_count: z.number().int().optional().openapi({
      description: 'How many files the source holds. Served by this server only, not by Letta.',
    }),
  })
  .openapi('Source')

const chunkSize = z
  .number()
  .int()
  .min(64)
  .max(8192)
  .nullable()
  .optional()
  .openapi({ description: 'Tokens per passage at most (default 300).', example: 300 })

export const SourceCreateSchema = z
  .object({
    name: boundedString(TEXT_BOUNDS.name).min(1),
    description: boundedString(TEXT_BOUNDS.description).nullable().optional(),
    instructions: boundedString(TEXT_BOUNDS.description).nullable().optional(),
    metadata: Metadata.nullable().optional(),
    embedding: boundedString(TEXT_BOUNDS.name).nullable().optional().openapi({
      description: 'An embedding handle from GET /v1/models/embedding; the default is the first.',
      example: 'letta-admin/lexical-hash-384',
    }),
    embedding_chunk_size: chunkSize,
    embedding_config: EmbeddingConfigInputSchema.nullable().optional(),
  })
  .openapi('SourceCreate')

export const SourceUpdateSchema = z
  .object({
    name: boundedString(TEXT_BOUNDS.name).min(1).nullable().optional(),
    description: boundedString(TEXT_BOUNDS.description).nullable().optional(),
    instructions: boundedString(TEXT_BOUNDS.description).nullable().optional(),
    metadata: Metadata.nullable().optional(),
    embedding_config: EmbeddingConfigInputSchema.nullable().optional(),
  })
  .openapi('SourceUpdate')

export const FileProcessingStatusSchema = z
  .enum(FILE_PROCESSING_STATUSES)
  .openapi('FileProcessingStatus')

export const DuplicateFileHandlingSchema = z
  .enum(DUPLICATE_HANDLING)
  .openapi('DuplicateFileHandling')

export const FileMetadataSchema = z
  .object({
    source_id: z.string(),
    id: z.string().openapi({ example: exampleId('file') }),
    file_name: z.string(),
    original_file_name: z.string(),
    file_path: nullableString,
    file_type: z.string().openapi({ example: 'application/pdf' }),
    file_size: z.number().int(),
    file_creation_date: nullableString,
    file_last_modified_date: nullableString,
    processing_status: FileProcessingStatusSchema,
    error_message: nullableString,
    total_chunks: z.number().int().nullable(),
    chunks_embedded: z.number().int().nullable(),
    content: nullableString
      .optional()
      .openapi({ description: 'The extracted text; only with include_content=true.' }),
    job_id: nullableString.openapi({
      description: 'The job that processes the file. Served by this server only, not by Letta.',
    }),
    created_at: z.string(),
    updated_at: z.string(),
    created_by_id: nullableString,
    last_updated_by_id: nullableString,
    is_deleted: z.boolean(),
  })
  .openapi('FileMetadata')

export const PassageSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('passage') }),
    text: z.string(),
    embedding: z.array(z.number()),
    embedding_config: EmbeddingConfigSchema,
    source_id: z.string(),
    file_id: z.string(),
    file_name: nullableString,
    metadata: Metadata.openapi({
      description:
        'chunk_index, and page_start/page_end, line_start/line_end, record_start/record_end or section where known.',
    }),
    tags: z.array(z.string()).nullable(),
    is_deleted: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
    created_by_id: nullableString,
    last_updated_by_id: nullableString,
  })
  .openapi('Passage')

export const UploadPolicySchema = z
  .object({
    max_file_size_bytes: z.number().int(),
    accepted_types: z.array(
      z.object({
        extension: z.string().openapi({ example: '.pdf' }),
        mime_types: z.array(z.string()).openapi({ example: ['application/pdf'] }),
        description: z.string(),
      }),
    ),
  })
  .openapi('UploadPolicy')

export const UploadBodySchema = z.object({
  file: z
    .instanceof(File, { message: 'Attach the file as the multipart field "file"' })
    .openapi({ type: 'string', format: 'binary' }),
})
