import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import type { FileWithContent, SourceWithCount } from '../services/sources.ts'
import type { Job } from '../storage/jobs-repository.ts'
import type { Passage } from '../storage/passages-repository.ts'
import { json } from './helpers.ts'

// Response bodies, typed by what the server's services answer with.
export type SourceBody = SourceWithCount
export type FileBody = FileWithContent
export type JobBody = Job
export type PassageBody = Passage

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

/** Uploads and answers the job that processes the file; throws unless the upload was accepted. */
export async function uploadJob(
  app: App,
  sourceId: string,
  file: UploadFile,
  query = '',
): Promise<JobBody> {
  const response = await upload(app, sourceId, file, query)
  if (response.status !== 200)
    throw new Error(`upload: ${response.status} ${await response.text()}`)
  return json<JobBody>(response)
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
  const started = await uploadJob(app, sourceId, file)
  const job = await waitForJob(app, started.id)
  const fileId = started.metadata.file_id as string
  const record = await json<FileBody>(app.request(`/v1/sources/${sourceId}/files/${fileId}`))
  const passages = await json<PassageBody[]>(
    app.request(`/v1/sources/${sourceId}/passages?file_id=${fileId}&limit=1000`),
  )
  return { job, file: record, passages }
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
