import { HttpError, notFound } from '../http/errors.ts'
import type { Db } from '../storage/db.ts'
import { FilesRepository, type FileRecord } from '../storage/files-repository.ts'
import { jsonBytes, type JsonBytes } from '../storage/list-json-cache.ts'
import type { CursorParams } from '../storage/pagination.ts'
import {
  PassagesRepository,
  type Passage,
  type PassageFilters,
} from '../storage/passages-repository.ts'
import {
  SourcesRepository,
  type EmbeddingConfig,
  type PageDefaults,
  type Source,
} from '../storage/sources-repository.ts'
import { isUniqueViolation } from '../storage/sql.ts'
import { EmbeddingConfigError, type EmbeddingCatalog } from './embedding/models.ts'
import { EmbeddingApiError } from './embedding/openai-compatible.ts'
import type { OriginalStore } from './ingestion/originals.ts'
import type { JobService } from './jobs.ts'

export type SourceWithCount = Source & { file_count: number }
export type FileWithContent = FileRecord & { is_deleted: false; content?: string | null }

export interface SourceInput {
  name: string
  description?: string | null | undefined
  instructions?: string | null | undefined
  metadata?: Record<string, unknown> | null | undefined
  embedding?: string | null | undefined
  embedding_chunk_size?: number | null | undefined
  embedding_config?: Partial<EmbeddingConfig> | null | undefined
}

export interface SourcePatchInput {
  name?: string | null | undefined
  description?: string | null | undefined
  instructions?: string | null | undefined
  metadata?: Record<string, unknown> | null | undefined
  embedding_config?: Partial<EmbeddingConfig> | null | undefined
}

export interface SourceRepositories {
  sources: SourcesRepository
  files: FilesRepository
  passages: PassagesRepository
}

export function sourceRepositories(db: Db): SourceRepositories {
  return {
    sources: new SourcesRepository(db),
    files: new FilesRepository(db),
    passages: new PassagesRepository(db),
  }
}

const nameTaken = (name: string) => new HttpError(409, `A source named "${name}" already exists`)

/** Sources (Letta's folders), their files and passages: everything but the upload itself. */
export class SourceService {
  readonly sources: SourcesRepository
  readonly files: FilesRepository
  readonly passages: PassagesRepository

  constructor(
    repositories: SourceRepositories,
    private readonly jobs: JobService,
    readonly embeddings: EmbeddingCatalog,
    private readonly originals: OriginalStore,
  ) {
    this.sources = repositories.sources
    this.files = repositories.files
    this.passages = repositories.passages
  }

  list(
    filters: { name?: string | undefined },
    cursor: CursorParams,
    defaults: PageDefaults,
  ): SourceWithCount[] {
    const sources = this.sources.list(filters, cursor, defaults)
    const counts = this.sources.fileCounts(sources.map((source) => source.id))
    return sources.map((source) => ({ ...source, file_count: counts.get(source.id) ?? 0 }))
  }

  count(): number {
    return this.sources.count()
  }

  get(id: string): SourceWithCount {
    const source = this.sources.get(id)
    if (!source) throw notFound('Source', id)
    return { ...source, file_count: this.sources.fileCounts([id]).get(id) ?? 0 }
  }

  idByName(name: string): string {
    const source = this.sources.getByName(name)
    if (!source) throw new HttpError(404, `No source is named "${name}"`)
    return source.id
  }

  create(input: SourceInput): SourceWithCount {
    const name = input.name.trim()
    if (!name) throw new HttpError(400, 'The source name cannot be empty')
    if (this.sources.getByName(name)) throw nameTaken(name)
    const embeddingConfig = this.embeddingConfig(() => this.embeddings.forNewSource(input))
    try {
      const source = this.sources.create({ ...input, name, embedding_config: embeddingConfig })
      return { ...source, file_count: 0 }
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name)
      throw error
    }
  }

  update(id: string, patch: SourcePatchInput): SourceWithCount {
    const current = this.get(id)
    const changes: Parameters<SourcesRepository['update']>[1] = {}
    if (patch.name != null) {
      const name = patch.name.trim()
      if (!name) throw new HttpError(400, 'The source name cannot be empty')
      const holder = this.sources.getByName(name)
      if (holder && holder.id !== id) throw nameTaken(name)
      changes.name = name
    }
    if (patch.description !== undefined) changes.description = patch.description
    if (patch.instructions !== undefined) changes.instructions = patch.instructions
    if (patch.metadata !== undefined) changes.metadata = patch.metadata
    if (patch.embedding_config) {
      const requested = patch.embedding_config
      changes.embedding_config = this.embeddingConfig(() =>
        this.embeddings.validate({
          ...requested,
          embedding_chunk_size:
            requested.embedding_chunk_size ?? current.embedding_config.embedding_chunk_size,
        }),
      )
    }
    try {
      this.sources.update(id, changes)
    } catch (error) {
      if (isUniqueViolation(error) && changes.name) throw nameTaken(changes.name)
      throw error
    }
    return this.get(id)
  }

  /** Deletes the source with its files, passages and stored originals; running ingestion stops. */
  async delete(id: string): Promise<SourceWithCount> {
    const source = this.get(id)
    const files = this.files.listBySource(id)
    for (const file of files) if (file.job_id) this.jobs.cancel(file.job_id)
    this.sources.delete(id)
    await Promise.all(files.map((file) => this.originals.remove(file.id)))
    return source
  }

  listFiles(
    sourceId: string,
    cursor: CursorParams,
    defaults: PageDefaults,
    includeContent: boolean,
  ): FileWithContent[] {
    this.assertExists(sourceId)
    return this.files
      .list(sourceId, cursor, defaults)
      .map((file) => this.present(file, includeContent))
  }

  /** listFiles() as the JSON sent to clients. */
  listFilesJson(
    sourceId: string,
    cursor: CursorParams,
    defaults: PageDefaults,
    includeContent: boolean,
  ): JsonBytes<FileWithContent[]> {
    // Content lives in another table, so only the plain listing reuses each row's JSON.
    if (includeContent)
      return jsonBytes(JSON.stringify(this.listFiles(sourceId, cursor, defaults, includeContent)))
    this.assertExists(sourceId)
    return this.files.listJson(sourceId, cursor, defaults, (file) => this.present(file, false))
  }

  getFile(sourceId: string, fileId: string, includeContent = false): FileWithContent {
    return this.present(this.fileIn(sourceId, fileId), includeContent)
  }

  /** Deletes a file, its passages and stored original; stops its ingestion when that is running. */
  async deleteFile(sourceId: string, fileId: string): Promise<void> {
    const file = this.fileIn(sourceId, fileId)
    if (file.job_id) this.jobs.cancel(file.job_id)
    this.files.delete(file.id)
    await this.originals.remove(file.id)
  }

  listPassages(
    sourceId: string,
    filters: PassageFilters,
    cursor: CursorParams,
    defaults: PageDefaults,
  ): Passage[] {
    this.assertExists(sourceId)
    return this.passages.list(sourceId, filters, cursor, defaults)
  }

  /**
   * Ranks the source's passages by similarity to `query`, embedded with the source's own embedder
   * so query and passages share one vector space.
   */
  async searchPassages(
    sourceId: string,
    query: string,
    limit: number,
  ): Promise<{ passage: Passage; score: number; metadata: Record<string, unknown> }[]> {
    const source = this.sources.get(sourceId)
    if (!source) throw notFound('Source', sourceId)
    const embedder = this.embeddings.embedderFor(source.embedding_config)
    if (!embedder) {
      throw new HttpError(
        409,
        `This server has no embedder for the source's model ${source.embedding_config.embedding_model}.`,
      )
    }
    let vector: Float32Array | undefined
    try {
      ;[vector] = await embedder.embed([query], AbortSignal.timeout(30_000))
    } catch (error) {
      if (error instanceof EmbeddingApiError) throw new HttpError(502, error.message)
      throw error
    }
    if (!vector) throw new HttpError(502, 'The embedder returned no vector for the query.')
    return this.passages.nearest(sourceId, vector, limit).map((result) => ({
      ...result,
      metadata: { source_id: sourceId, embedding_model: embedder.config.embedding_model },
    }))
  }

  /** listPassages() as the JSON sent to clients. */
  listPassagesJson(
    sourceId: string,
    filters: PassageFilters,
    cursor: CursorParams,
    defaults: PageDefaults,
  ): JsonBytes<Passage[]> {
    this.assertExists(sourceId)
    return this.passages.listJson(sourceId, filters, cursor, defaults)
  }

  /** 404 unless the source exists; cheaper than get(), which also counts its files. */
  assertExists(id: string): void {
    if (!this.sources.exists(id)) throw notFound('Source', id)
  }

  private fileIn(sourceId: string, fileId: string): FileRecord {
    this.assertExists(sourceId)
    const file = this.files.get(fileId)
    if (!file || file.source_id !== sourceId) throw notFound('File', fileId)
    return file
  }

  present(file: FileRecord, includeContent: boolean): FileWithContent {
    return includeContent
      ? { ...file, is_deleted: false, content: this.files.getContent(file.id) }
      : { ...file, is_deleted: false }
  }

  private embeddingConfig(resolve: () => EmbeddingConfig): EmbeddingConfig {
    try {
      return resolve()
    } catch (error) {
      if (error instanceof EmbeddingConfigError) throw new HttpError(400, error.message)
      throw error
    }
  }
}
