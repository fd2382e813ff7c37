import type { FilesRepository } from '../../storage/files-repository.ts'
import type { PassagesRepository } from '../../storage/passages-repository.ts'
import type { EmbeddingConfig, SourcesRepository } from '../../storage/sources-repository.ts'
import { DEFAULT_CHUNK_SIZE } from '../embedding/embedder.ts'
import type { EmbeddingCatalog } from '../embedding/models.ts'
import { EmbeddingApiError } from '../embedding/openai-compatible.ts'
import { JobCancelledError, type JobService } from '../jobs.ts'
import { chunkText, loadTokenizer, type Chunk, type Tokenizer } from './chunk.ts'
import { IngestionError, Yielder } from './cooperative.ts'
import { extractText } from './extract.ts'
import { typeForStoredFile } from './file-types.ts'
import type { OriginalStore } from './originals.ts'

export interface IngestionDeps {
  sources: SourcesRepository
  files: FilesRepository
  passages: PassagesRepository
  jobs: JobService
  originals: OriginalStore
  embeddings: EmbeddingCatalog
}

export interface IngestionTask {
  fileId: string
  jobId: string
}

export const CANCELLED_MESSAGE = 'Processing was cancelled'
/** Progress is written at most this often: enough for a progress bar, light on the database. */
const PROGRESS_INTERVAL_MS = 150

/** Raised when the server stops mid-file: the file is left for the next start to resume. */
export class ShutdownError extends Error {
  override name = 'ShutdownError'
}

let tokenizer: Promise<Tokenizer> | undefined

/**
 * One file from stored original to passages: extract, chunk, embed in batches, store. The file and
 * job advance through parsing and embedding; any failure or cancellation removes the passages
 * stored so far, so a file that did not complete never leaves any behind.
 */
export async function ingestFile(
  deps: IngestionDeps,
  task: IngestionTask,
  signal: AbortSignal,
): Promise<void> {
  const { files, passages, jobs } = deps
  try {
    await run(deps, task, signal)
  } catch (error) {
    passages.deleteByFile(task.fileId)
    files.deleteContent(task.fileId)
    const reason: unknown = signal.aborted ? signal.reason : error
    if (reason instanceof ShutdownError) {
      files.update(task.fileId, { processing_status: 'pending', chunks_embedded: 0 })
      jobs.requeue(task.jobId, { stage: 'queued', chunks_embedded: 0 })
    } else if (reason instanceof JobCancelledError) {
      // Its passages are gone, so its count of embedded chunks is too.
      files.update(task.fileId, {
        processing_status: 'error',
        error_message: CANCELLED_MESSAGE,
        chunks_embedded: 0,
      })
      // The job was marked cancelled by whoever cancelled it; cancel() here only covers a direct abort.
      jobs.cancel(task.jobId)
    } else {
      const explained = reason instanceof IngestionError || reason instanceof EmbeddingApiError
      const message = explained
        ? reason.message
        : `Processing failed: ${reason instanceof Error ? reason.message : String(reason)}`
      // An unexplained failure is a bug: its stack belongs in the server's log.
      if (!explained) console.error(reason)
      files.update(task.fileId, {
        processing_status: 'error',
        error_message: message,
        chunks_embedded: 0,
      })
      jobs.fail(task.jobId, message, { stage: 'error' })
    }
  } finally {
    jobs.release(task.jobId)
  }
}

async function run(deps: IngestionDeps, task: IngestionTask, signal: AbortSignal): Promise<void> {
  const { files, passages, jobs } = deps
  signal.throwIfAborted()
  const file = files.get(task.fileId)
  if (!file) throw new IngestionError('The file was deleted before it was processed.')
  const source = deps.sources.get(file.source_id)
  if (!source) throw new IngestionError('The source was deleted before the file was processed.')
  const embedder = deps.embeddings.embedderFor(source.embedding_config)
  if (!embedder) {
    const { handle, embedding_model } = source.embedding_config
    throw new IngestionError(
      `This server has no embedder for the source's embedding model ${handle ?? embedding_model}.`,
    )
  }
  const type = typeForStoredFile(file.file_type)
  if (!type) throw new IngestionError(`Files of type ${file.file_type} cannot be processed.`)

  const yielder = new Yielder(signal)
  files.update(file.id, {
    processing_status: 'parsing',
    error_message: null,
    total_chunks: null,
    chunks_embedded: 0,
  })
  jobs.progress(task.jobId, { stage: 'parsing' })

  const bytes = await deps.originals.read(file.id)
  signal.throwIfAborted()
  const extracted = await extractText(bytes, type, yielder)
  files.setContent(file.id, extracted.text)

  tokenizer ??= loadTokenizer()
  const chunkSize = source.embedding_config.embedding_chunk_size ?? DEFAULT_CHUNK_SIZE
  const chunks: Chunk[] = []
  for (const chunk of chunkText(extracted, type.chunking, await tokenizer, { chunkSize })) {
    chunks.push(chunk)
    await yielder.maybeYield()
  }
  if (!chunks.length) throw new IngestionError('No text to index was found in the file.')

  const total = chunks.length
  files.update(file.id, { processing_status: 'embedding', total_chunks: total, chunks_embedded: 0 })
  jobs.progress(task.jobId, { stage: 'embedding', total_chunks: total, chunks_embedded: 0 })

  const batchSize = Math.max(1, embedder.config.batch_size)
  const owner = { source_id: file.source_id, file_id: file.id, file_name: file.file_name }
  let embedded = 0
  let reported = performance.now()
  let passageConfig: EmbeddingConfig | undefined
  for (let start = 0; start < total; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize)
    const vectors = await embedder.embed(
      batch.map((chunk) => chunk.text),
      signal,
    )
    // Checked after every await: a cancel or delete may have happened while the batch was embedded.
    signal.throwIfAborted()
    passageConfig ??= { ...embedder.config, embedding_dim: vectors[0]?.length ?? 0 }
    passages.insertMany(
      owner,
      passageConfig,
      batch.map((chunk, i) => ({
        text: chunk.text,
        embedding: vectors[i] as Float32Array,
        metadata: chunk.metadata,
      })),
    )
    embedded += batch.length
    if (performance.now() - reported >= PROGRESS_INTERVAL_MS) {
      files.update(file.id, { chunks_embedded: embedded })
      jobs.progress(task.jobId, { chunks_embedded: embedded })
      reported = performance.now()
    }
    await yielder.maybeYield()
  }

  files.update(file.id, { processing_status: 'completed', chunks_embedded: embedded })
  jobs.complete(task.jobId, {
    stage: 'completed',
    total_chunks: total,
    chunks_embedded: embedded,
    num_passages: embedded,
  })
}
