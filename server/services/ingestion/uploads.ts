import { extname } from 'node:path'

import { HttpError } from '../../http/errors.ts'
import type { Db } from '../../storage/db.ts'
import { FilesRepository, type FileRecord } from '../../storage/files-repository.ts'
import type { Job } from '../../storage/jobs-repository.ts'
import { parseCallbackUrl } from '../callbacks.ts'
import type { JobService } from '../jobs.ts'
import type { FileWithContent, SourceService } from '../sources.ts'
import { resolveFileType, unsupportedTypeMessage } from './file-types.ts'
import type { OriginalStore } from './originals.ts'
import type { IngestionQueue } from './queue.ts'

export const DUPLICATE_HANDLING = ['skip', 'error', 'suffix', 'replace'] as const
export type DuplicateHandling = (typeof DUPLICATE_HANDLING)[number]

export interface UploadInput {
  sourceId: string
  file: File
  /** Stored under this name instead of the uploaded file's own. */
  name?: string | undefined
  duplicateHandling: DuplicateHandling
  callbackUrl?: string | undefined
}

export interface UploadResult {
  job: Job
  file: FileWithContent
  /** True when duplicate_handling=skip found a file of that name and nothing was stored. */
  skipped: boolean
}

export function tooLargeMessage(maxBytes: number): string {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10
  return `The file is larger than the upload limit of ${maxBytes} bytes (${megabytes} MB)`
}

/** The last path segment of a client's file name, without control characters: never a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? ''
  const printable = Array.from(base)
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f')
    .join('')
  const cleaned = printable.trim().slice(0, 255)
  return cleaned === '.' || cleaned === '..' ? '' : cleaned
}

/** `notes.txt` -> `notes (1).txt`, `notes (2).txt`, ... : the first name not taken in the source. */
function freeName(name: string, taken: (candidate: string) => boolean): string {
  const extension = extname(name)
  const stem = name.slice(0, name.length - extension.length)
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${extension}`
    if (!taken(candidate)) return candidate
  }
}

/** The upload's callback_url, normalised; refused with 400 when a callback could never be sent to it. */
function checkCallbackUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined
  const parsed = parseCallbackUrl(url, 'callback_url')
  if (parsed.problem !== undefined) throw new HttpError(400, parsed.problem)
  return parsed.url.toString()
}

/** Accepts an upload: checks it, stores the original, records the file and its job, and queues it. */
export class UploadService {
  constructor(
    private readonly db: Db,
    private readonly sources: SourceService,
    private readonly jobs: JobService,
    private readonly originals: OriginalStore,
    private readonly queue: IngestionQueue,
    readonly maxUploadBytes: number,
  ) {}

  async upload(input: UploadInput): Promise<UploadResult> {
    const { sourceId, file, duplicateHandling: mode } = input
    this.sources.assertExists(sourceId)
    const callbackUrl = checkCallbackUrl(input.callbackUrl)
    if (file.size > this.maxUploadBytes)
      throw new HttpError(413, tooLargeMessage(this.maxUploadBytes))
    const uploadedName = cleanFileName(file.name)
    const fileName = input.name === undefined ? uploadedName : cleanFileName(input.name)
    if (!fileName)
      throw new HttpError(400, 'The file has no name: send one with the upload or in `name`')
    const resolved =
      resolveFileType(file.type, uploadedName) ?? resolveFileType(file.type, fileName)
    if (!resolved)
      throw new HttpError(415, unsupportedTypeMessage(file.type, uploadedName || fileName))

    // Answered before the bytes are written; checked again below where it cannot race.
    const early = this.sources.files.findByName(sourceId, fileName)
    if (early && mode === 'error') throw this.duplicate(fileName)
    if (early && mode === 'skip') return this.skip(early, callbackUrl)

    const fileId = FilesRepository.newId()
    await this.originals.write(fileId, new Uint8Array(await file.arrayBuffer()))
    let outcome:
      | { skipped: FileRecord }
      | { job: Job; file: UploadResult['file']; replaced: FileRecord | undefined }
    try {
      // One synchronous transaction: no other upload can take the name between check and insert.
      outcome = this.db.transaction(() => {
        this.sources.assertExists(sourceId)
        let name = fileName
        let replaced: FileRecord | undefined
        const clash = this.sources.files.findByName(sourceId, name)
        if (clash && mode === 'error') throw this.duplicate(name)
        if (clash && mode === 'skip') return { skipped: clash }
        if (clash && mode === 'suffix') {
          name = freeName(name, (candidate) => this.sources.files.hasName(sourceId, candidate))
        }
        if (clash && mode === 'replace') {
          replaced = clash
          if (clash.job_id) this.jobs.cancel(clash.job_id)
          this.sources.files.delete(clash.id)
        }
        this.sources.files.create({
          id: fileId,
          source_id: sourceId,
          file_name: name,
          original_file_name: uploadedName || name,
          file_type: resolved.mimeType,
          file_size: file.size,
        })
        const job = this.jobs.create({
          job_type: 'job',
          status: 'pending',
          source_id: sourceId,
          file_id: fileId,
          callback_url: callbackUrl,
          metadata: {
            type: 'file_upload',
            source_id: sourceId,
            file_id: fileId,
            file_name: name,
            filename: name,
            file_size: file.size,
            stage: 'queued',
            ...(replaced ? { replaced_file_id: replaced.id } : {}),
          },
        })
        this.sources.files.update(fileId, { job_id: job.id })
        // Read here: once the transaction ends, a concurrent replace may delete this file.
        return { job, file: this.sources.getFile(sourceId, fileId), replaced }
      })()
    } catch (error) {
      await this.originals.remove(fileId)
      throw error
    }
    if ('skipped' in outcome) {
      await this.originals.remove(fileId)
      return this.skip(outcome.skipped, callbackUrl)
    }
    if (outcome.replaced) await this.originals.remove(outcome.replaced.id)
    this.queue.enqueue({ fileId, jobId: outcome.job.id })
    return { job: outcome.job, file: outcome.file, skipped: false }
  }

  /** duplicate_handling=skip: nothing is stored; a job that is already complete names the existing file. */
  private skip(existing: FileRecord, callbackUrl: string | undefined): UploadResult {
    const created = this.jobs.create({
      job_type: 'job',
      status: 'pending',
      source_id: existing.source_id,
      file_id: existing.id,
      callback_url: callbackUrl,
      metadata: {
        type: 'file_upload',
        source_id: existing.source_id,
        file_id: existing.id,
        file_name: existing.file_name,
        filename: existing.file_name,
        skipped: true,
      },
    })
    const passages = this.sources.passages.countByFile(existing.id)
    const job =
      this.jobs.complete(created.id, { stage: 'skipped', num_passages: passages }) ?? created
    return { job, file: this.sources.present(existing, false), skipped: true }
  }

  private duplicate(name: string): HttpError {
    return new HttpError(409, `A file named "${name}" already exists in this source`)
  }
}
