import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import {
  activateConnection,
  BUNDLED_CONNECTION_ID,
  removeConnection,
  saveConnection,
} from '@/lib/connection'

import { ApiError } from './client'
import { uploadFileToSource } from './upload'

/** A stand-in for XMLHttpRequest that records the request and lets the test answer it. */
class FakeRequest {
  static last: FakeRequest | undefined
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | undefined
  status = 0
  statusText = ''
  responseText = ''
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  constructor() {
    FakeRequest.last = this
  }
  open(method: string, url: URL | string) {
    this.method = method
    this.url = String(url)
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: FormData) {
    this.body = body
  }
  abort() {
    this.onabort?.()
  }
  answer(status: number, body: unknown, statusText = '') {
    this.status = status
    this.statusText = statusText
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.onload?.()
  }
}

const file = new File(['# Notes\n\nhello'], 'notes.md', { type: 'text/markdown' })
const request = () => {
  if (!FakeRequest.last) throw new Error('no request was made')
  return FakeRequest.last
}

beforeEach(() => {
  FakeRequest.last = undefined
  vi.stubGlobal('XMLHttpRequest', FakeRequest)
})
afterEach(() => {
  vi.unstubAllGlobals()
  removeConnection('upload-test')
  activateConnection(BUNDLED_CONNECTION_ID)
})

describe('uploadFileToSource', () => {
  it('posts the file as multipart to the configured server with the password', async () => {
    saveConnection({
      id: 'upload-test',
      kind: 'direct',
      name: 'Test server',
      baseUrl: 'letta.test:8283/v1',
      password: 'secret',
      projectId: 'project-1',
    })
    activateConnection('upload-test')
    const progress: [number, number][] = []
    const done = uploadFileToSource({
      sourceId: 'source-1',
      file,
      duplicateHandling: 'replace',
      onProgress: (loaded, total) => progress.push([loaded, total]),
    })
    const sent = request()
    expect(sent.method).toBe('POST')
    expect(sent.url).toBe(
      'http://letta.test:8283/v1/sources/source-1/upload?duplicate_handling=replace',
    )
    expect(sent.headers.Authorization).toBe('Bearer secret')
    expect(sent.headers['X-Project-Id']).toBe('project-1')
    expect(sent.body?.get('file')).toBeInstanceOf(File)
    expect((sent.body?.get('file') as File).name).toBe('notes.md')

    sent.upload.onprogress?.({ loaded: 5, total: 15, lengthComputable: true } as ProgressEvent)
    sent.upload.onprogress?.({ loaded: 15, total: 0, lengthComputable: false } as ProgressEvent)
    sent.answer(200, { id: 'job-1', status: 'created', metadata: { file_id: 'file-1' } })
    await expect(done).resolves.toMatchObject({ id: 'job-1', metadata: { file_id: 'file-1' } })
    expect(progress).toEqual([
      [5, 15],
      [15, file.size],
    ])
  })

  it("rejects with the server's detail and status", async () => {
    const done = uploadFileToSource({ sourceId: 'source-1', file })
    expect(request().url).toBe(`${window.location.origin}/v1/sources/source-1/upload`)
    request().answer(415, { detail: 'Unsupported file type: .exe' })
    await expect(done).rejects.toEqual(new ApiError(415, 'Unsupported file type: .exe'))
  })

  it('falls back to the status line when the error body is not JSON', async () => {
    const done = uploadFileToSource({ sourceId: 'source-1', file })
    request().answer(502, '<html>Bad gateway</html>', 'Bad Gateway')
    await expect(done).rejects.toMatchObject({ status: 502, detail: '502 Bad Gateway' })
  })

  it('names the server when nothing answers', async () => {
    const done = uploadFileToSource({ sourceId: 'source-1', file })
    request().onerror?.()
    await expect(done).rejects.toMatchObject({
      status: 0,
      detail: expect.stringContaining('Cannot reach'),
    })
  })

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController()
    const done = uploadFileToSource({ sourceId: 'source-1', file, signal: controller.signal })
    controller.abort()
    await expect(done).rejects.toMatchObject({ name: 'AbortError' })
  })
})
