import type { SourceFile } from '@/api/sources'
import type { Job } from '@/api/upload'

/**
 * The ids an upload answer carries. The bundled server (and the user's API document) answers with
 * the processing Job, naming the file in its metadata; Letta 0.8.7+ answers with the file itself.
 */
export function idsOfUploadResult(result: Job | SourceFile): { jobId?: string; fileId?: string } {
  if ('processing_status' in result) return { fileId: result.id }
  const fileId = result.metadata.file_id
  return { jobId: result.id, fileId: typeof fileId === 'string' ? fileId : undefined }
}
