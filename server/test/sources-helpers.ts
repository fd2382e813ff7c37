import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { json } from './helpers.ts'

export interface SourceBody {
  id: string
  name: string
  embedding_config: {
    embedding_chunk_size: number | null
    handle: string | null
    embedding_dim: number
  }
  file_count?: number
}

export interface FileBody {
  id: string
  source_id: string
  file_name: string
  original_file_name: string
  file_type: string
  file_size: number
  processing_status: 'pending' | 'parsing' | 'embedding' | 'completed' | 'error'
  error_message: string | null
  total_chunks: number | null
  chunks_embedded: number | null
  job_id: string | null
  content?: string | null
}

export interface JobBody {
  id: string
  status: string
  job_type: string
  callback_url: string | null
  metadata: Record<string, unknown>
}

export interface PassageBody {
  id: string
  text: string
  embedding: number[]
  file_id: string
  file_name: string | null
  source_id: string
  metadata: Record<string, unknown>
  embedding_config: { embedding_dim: number; handle: string | null }
}

type App = LettaAdminApp['app']

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

export async function createSource(
  app: App,
  body: Record<string, unknown> = {},
): Promise<SourceBody> {
  const response = await app.request('/v1/sources', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `source-${Math.random().toString(36).slice(2)}`, ...body }),
  })
  if (response.status !== 200)
    throw new Error(`create source: ${response.status} ${await response.text()}`)
  return json<SourceBody>(response)
}

export interface UploadFile {
  name: string
  data: string | Uint8Array
  type?: string
}

export function uploadForm(file: UploadFile): FormData {
  const form = new FormData()
  const bytes = typeof file.data === 'string' ? file.data : new Uint8Array(file.data)
  form.append('file', new File([bytes], file.name, { type: file.type ?? '' }))
  return form
}

export function upload(
  app: App,
  sourceId: string,
  file: UploadFile,
  query = '',
  base: 'sources' | 'folders' = 'sources',
): Promise<Response> {
  return Promise.resolve(
    app.request(`/v1/${base}/${sourceId}/upload${query ? `?${query}` : ''}`, {
      method: 'POST',
      body: uploadForm(file),
    }),
  )
}

/** Polls until the job has finished (or the deadline passes, which fails the test). */
export async function waitForJob(app: App, jobId: string, timeoutMs = 15_000): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = await json<JobBody>(app.request(`/v1/jobs/${jobId}`))
    if (!['created', 'pending', 'running'].includes(job.status)) return job
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Polls the file until its processing ends (completed or error). */
export async function waitForFile(
  app: App,
  sourceId: string,
  fileId: string,
  timeoutMs = 15_000,
): Promise<FileBody> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const file = await json<FileBody>(app.request(`/v1/sources/${sourceId}/files/${fileId}`))
    if (file.processing_status === 'completed' || file.processing_status === 'error') return file
    if (Date.now() > deadline) throw new Error(`file ${fileId} still ${file.processing_status}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Uploads, waits for the job and returns the file and its passages. */
export async function ingest(
  app: App,
  sourceId: string,
  file: UploadFile,
): Promise<{ job: JobBody; file: FileBody; passages: PassageBody[] }> {
  const response = await upload(app, sourceId, file)
  if (response.status !== 200)
    throw new Error(`upload: ${response.status} ${await response.text()}`)
  const started = await json<JobBody>(response)
  const job = await waitForJob(app, started.id)
  const fileId = started.metadata.file_id as string
  const record = await json<FileBody>(app.request(`/v1/sources/${sourceId}/files/${fileId}`))
  const passages = await json<PassageBody[]>(
    app.request(`/v1/sources/${sourceId}/passages?file_id=${fileId}&limit=1000`),
  )
  return { job, file: record, passages }
}

/** Words from a fixed seed: the same large text every run, with sentences and paragraphs. */
export function generatedText(bytes: number, seed = 7): string {
  const words = [
    'orchard',
    'lantern',
    'harbor',
    'velvet',
    'quartz',
    'meadow',
    'signal',
    'copper',
    'thistle',
    'glacier',
    'harvest',
    'pilgrim',
    'saffron',
    'tundra',
    'beacon',
    'marble',
    'falcon',
    'ember',
    'willow',
    'cobalt',
    'river',
    'summit',
    'canyon',
    'basil',
  ]
  let state = seed
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state
  }
  const parts: string[] = []
  let size = 0
  let sentence = 0
  while (size < bytes) {
    const length = 6 + (next() % 14)
    const sentenceWords: string[] = []
    for (let i = 0; i < length; i++) sentenceWords.push(words[next() % words.length] as string)
    const text = `${sentenceWords.join(' ')} ${sentence}.`
    const piece =
      text.charAt(0).toUpperCase() + text.slice(1) + (++sentence % 8 === 0 ? '\n\n' : ' ')
    parts.push(piece)
    size += piece.length
  }
  return parts.join('')
}

export interface FakeRequest {
  authorization: string | undefined
  body: { model: string; input: string[]; dimensions?: number; encoding_format?: string }
}

/** An OpenAI-style embeddings API on 127.0.0.1 that records each request. */
export async function fakeEmbeddingsApi(
  answer: (request: FakeRequest, index: number) => { status: number; body: unknown },
  delayMs = 0,
): Promise<{ url: string; requests: FakeRequest[]; server: Server; maxInFlight: () => number }> {
  const requests: FakeRequest[] = []
  let inFlight = 0
  let maxInFlight = 0
  const readBody = async (request: IncomingMessage) => {
    const parts: Buffer[] = []
    for await (const part of request) parts.push(part as Buffer)
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as FakeRequest['body']
  }
  const server = createServer((request, response) => {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    void readBody(request).then((body) => {
      const recorded = { authorization: request.headers.authorization, body }
      requests.push(recorded)
      const { status, body: reply } = answer(recorded, requests.length - 1)
      setTimeout(() => {
        inFlight--
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(reply))
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  servers.push(server)
  return { url: `http://127.0.0.1:${port}/v1`, requests, server, maxInFlight: () => maxInFlight }
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    }),
  )
})

/** Vectors a test can recognise: the text's length and its place in the batch. */
export const vectorsFor = (request: FakeRequest, dim = 8) => ({
  object: 'list',
  model: request.body.model,
  data: request.body.input
    .map((text, index) => ({
      object: 'embedding',
      index,
      embedding: Array.from({ length: dim }, (_, d) =>
        d === 0 ? text.length : d === 1 ? index : 0.5,
      ),
    }))
    .reverse(),
})
