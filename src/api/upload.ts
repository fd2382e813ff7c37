import { routeForServer } from '@/lib/capabilities'
import { getConnection, requestHeaders, serverUrl } from '@/lib/connection'

import { ApiError } from './client'
import type { components, paths } from './generated/schema'

export type Job = components['schemas']['Job']
export type DuplicateHandling = NonNullable<
  NonNullable<
    paths['/v1/sources/{source_id}/upload']['post']['parameters']['query']
  >['duplicate_handling']
>

export interface UploadOptions {
  sourceId: string
  file: File
  duplicateHandling?: DuplicateHandling
  /** Bytes of the request body sent so far, out of its total. */
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
}

function detailOf(request: XMLHttpRequest): string {
  try {
    const body = JSON.parse(request.responseText) as { detail?: unknown }
    if (typeof body.detail === 'string') return body.detail
    if (body.detail !== undefined) return JSON.stringify(body.detail)
  } catch {
    // Not JSON: fall back to the status line.
  }
  return `${request.status} ${request.statusText}`.trim()
}

/**
 * Uploads one file to a source and returns the processing Job the server started.
 * XMLHttpRequest, not openapi-fetch: fetch cannot report upload progress, and the byte bar needs it.
 */
export function uploadFileToSource({
  sourceId,
  file,
  duplicateHandling,
  onProgress,
  signal,
}: UploadOptions): Promise<Job> {
  const connection = getConnection()
  const origin = serverUrl(connection)
  const url = new URL(
    `${origin}${routeForServer(`/v1/sources/${encodeURIComponent(sourceId)}/upload`)}`,
  )
  if (duplicateHandling) url.searchParams.set('duplicate_handling', duplicateHandling)

  return new Promise<Job>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'))
      return
    }
    const request = new XMLHttpRequest()
    request.open('POST', url)
    for (const [name, value] of Object.entries(requestHeaders(connection))) {
      request.setRequestHeader(name, value)
    }
    request.setRequestHeader('Accept', 'application/json')
    request.upload.onprogress = (event) => {
      onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size)
    }
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as Job)
        } catch {
          reject(
            new ApiError(
              request.status,
              'The server answered the upload with something other than JSON',
            ),
          )
        }
      } else {
        reject(new ApiError(request.status, detailOf(request)))
      }
    }
    request.onerror = () => reject(new ApiError(0, `Cannot reach the server at ${origin}`))
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    signal?.addEventListener('abort', () => request.abort(), { once: true })

    const form = new FormData()
    form.append('file', file, file.name)
    request.send(form)
  })
}
