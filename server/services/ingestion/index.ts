import type { AppConfig } from '../../config.ts'
import type { Db } from '../../storage/db.ts'
import { EmbeddingCatalog } from '../embedding/models.ts'
import type { JobService } from '../jobs.ts'
import { sourceRepositories, SourceService } from '../sources.ts'
import { OriginalStore } from './originals.ts'
import { IngestionQueue } from './queue.ts'
import { recoverIngestion, type RecoveryReport } from './recovery.ts'
import { UploadService } from './uploads.ts'

export interface Ingestion {
  sources: SourceService
  uploads: UploadService
  embeddings: EmbeddingCatalog
  queue: IngestionQueue
  originals: OriginalStore
  /** Resumes or fails the files the last run left half-done; run once at start, before serving. */
  recover: () => RecoveryReport
  /** Interrupts running ingestion (resumed at the next start) and removes temporary originals. */
  close: () => Promise<void>
}

/** Sources, uploads and the ingestion queue, wired together. */
export function createIngestion(config: AppConfig, db: Db, jobs: JobService): Ingestion {
  const originals = OriginalStore.open(config.dataDir)
  const embeddings = new EmbeddingCatalog(config.embeddingProvider)
  const repositories = sourceRepositories(db)
  const deps = { ...repositories, jobs, originals, embeddings }
  const queue = new IngestionQueue(deps, config.ingestConcurrency)
  const sources = new SourceService(repositories, jobs, embeddings, originals)
  const uploads = new UploadService(db, sources, jobs, originals, queue, config.maxUploadBytes)
  return {
    sources,
    uploads,
    embeddings,
    queue,
    originals,
    recover: () => recoverIngestion(deps, queue),
    close: async () => {
      await queue.stop()
      originals.close()
    },
  }
}
