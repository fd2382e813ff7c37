import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import {
  ACCEPTED_TYPES,
  resolveFileType,
  unsupportedTypeMessage,
} from '../services/ingestion/file-types.ts'
import { createTestApp, json, listen } from './helpers.ts'
import {
  createSource,
  ingest,
  upload,
  uploadForm,
  waitForJob,
  type FileBody,
  type JobBody,
  type PassageBody,
} from './sources-helpers.ts'

const LETTA_FILE_TYPES = fileURLToPath(
  new URL('../../../shared/upstream/letta-file-types.json', import.meta.url),
)

const detailOf = async (response: Response) => (await json<{ detail: string }>(response)).detail

describe('upload type checks', () => {
  it('refuses an unsupported type with 415 and a Letta-like detail', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const response = await upload(app, source.id, {
      name: 'setup.exe',
      data: 'MZ',
      type: 'application/x-msdownload; charset=binary',
    })
    expect(response.status).toBe(415)
    const detail = await detailOf(response)
    expect(detail).toMatch(
      /^Unsupported file type: application\/x-msdownload \(filename: setup\.exe\)\. Supported types: \.pdf, \.docx, \.txt, .*\.conf\.$/,
    )
    // A part sent without a type arrives as application/octet-stream.
    const untyped = await upload(app, source.id, { name: 'blob', data: 'x' })
    expect(await detailOf(untyped)).toMatch(
      /^Unsupported file type: application\/octet-stream \(filename: blob\)/,
    )
    expect(unsupportedTypeMessage(undefined, 'blob')).toMatch(
      /^Unsupported file type: unknown \(filename: blob\)/,
    )
    expect(await json(app.request(`/v1/sources/${source.id}/files`))).toEqual([])
  })

  it('accepts by extension when the content type is odd, and by content type when the name is', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const typescript = await ingest(app, source.id, {
      name: 'main.ts',
      data: 'export const answer = 42\n',
      type: 'video/mp2t',
    })
    expect(typescript.file).toMatchObject({
      file_type: 'text/x-typescript',
      processing_status: 'completed',
    })
    const plain = await ingest(app, source.id, {
      name: 'README',
      data: 'Plain words.',
      type: 'text/plain',
    })
    expect(plain.file).toMatchObject({ file_type: 'text/plain', processing_status: 'completed' })
    const upper = await ingest(app, source.id, {
      name: 'NOTES.MD',
      data: '# Upper\n\ncase',
      type: 'text/plain',
    })
    expect(upper.file.file_type).toBe('text/markdown')
  })

  // Letta's own list is reference data kept beside the project (in CI), not inside it.
  it.skipIf(!existsSync(LETTA_FILE_TYPES))(
    'accepts every type and alias Letta accepts, plus .docx',
    () => {
      const letta = JSON.parse(readFileSync(LETTA_FILE_TYPES, 'utf8')) as {
        registered_types: { extension: string; mime_type: string }[]
        extra_allowed_mime_aliases: string[]
      }
      for (const { extension, mime_type } of letta.registered_types) {
        expect(resolveFileType(undefined, `file${extension}`), extension).toBeDefined()
        expect(resolveFileType(mime_type, 'file.unknown'), mime_type).toBeDefined()
      }
      for (const alias of letta.extra_allowed_mime_aliases) {
        expect(resolveFileType(alias, 'file.unknown'), alias).toBeDefined()
      }
      expect(resolveFileType('application/octet-stream', 'report.docx')?.type.extractor).toBe(
        'docx',
      )
      expect(ACCEPTED_TYPES.length).toBe(letta.registered_types.length + 1)
    },
  )

  it('answers 422 when the multipart field is missing and 415 for a body that is not multipart', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const form = new FormData()
    form.append('document', new File(['x'], 'a.txt'))
    const missing = await app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      body: form,
    })
    expect(missing.status).toBe(422)
    expect(await detailOf(missing)).toContain('multipart field "file"')
    const jsonBody = await app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(jsonBody.status).toBe(415)
  })

  it('stores a name with path parts as its last part, and the original under the file id', async () => {
    const server = createTestApp()
    const source = await createSource(server.app)
    const { file } = await ingest(server.app, source.id, {
      name: '../../etc/passwd.txt',
      data: 'not a secret',
    })
    expect(file.file_name).toBe('passwd.txt')
    expect(readdirSync(server.context.ingestion.originals.dir)).toEqual([file.id])
    const renamed = await upload(
      server.app,
      source.id,
      { name: 'a.txt', data: 'renamed' },
      'name=..%5Cb.txt',
    )
    const job = await json<JobBody>(renamed)
    expect(job.metadata.file_name).toBe('b.txt')
  })
})

describe('upload size limit', () => {
  const limit = 4096

  it('answers 413 for a file over the limit that arrives whole', async () => {
    const { app } = createTestApp({ maxUploadBytes: limit })
    const source = await createSource(app)
    const response = await upload(app, source.id, { name: 'big.txt', data: 'x'.repeat(limit + 1) })
    expect(response.status).toBe(413)
    expect(await detailOf(response)).toBe(
      'The file is larger than the upload limit of 4096 bytes (0 MB)',
    )
    const fits = await upload(app, source.id, { name: 'fits.txt', data: 'x'.repeat(limit) })
    expect(fits.status).toBe(200)
  })

  it('answers 413 from Content-Length without reading the body', async () => {
    const { app } = createTestApp({ maxUploadBytes: limit })
    const source = await createSource(app)
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024
        controller.enqueue(new Uint8Array(1024))
        if (pulled >= 10 * 1024 * 1024) controller.close()
      },
    })
    const response = await app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(10 * 1024 * 1024),
      },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThanOrEqual(64 * 1024)
  })

  it('answers 413 while streaming a body with no length, long before its end', async () => {
    const { app } = createTestApp({ maxUploadBytes: limit })
    const source = await createSource(app)
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 8192
        controller.enqueue(new Uint8Array(8192).fill(120))
        if (pulled >= 50 * 1024 * 1024) controller.close()
      },
    })
    const response = await app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(256 * 1024)
  })

  it('answers 413 over real HTTP', async () => {
    const server = createTestApp({ maxUploadBytes: limit })
    const source = await createSource(server.app)
    const http = await listen(server)
    try {
      const response = await fetch(`${http.url}/v1/sources/${source.id}/upload`, {
        method: 'POST',
        body: uploadForm({ name: 'big.txt', data: 'y'.repeat(200 * 1024) }),
      })
      expect(response.status).toBe(413)
      expect(await detailOf(response)).toContain('upload limit of 4096 bytes')
    } finally {
      await http.close()
    }
  })
})

describe('duplicate_handling', () => {
  const first = { name: 'notes.txt', data: 'The first version talks about apples.' }
  const second = { name: 'notes.txt', data: 'The second version talks about pears.' }

  it('suffix (the default) stores "name (1).ext", then "(2)"', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    await ingest(app, source.id, first)
    const one = await ingest(app, source.id, second)
    const two = await ingest(app, source.id, second)
    expect([one.file.file_name, two.file.file_name]).toEqual(['notes (1).txt', 'notes (2).txt'])
    expect(one.file.original_file_name).toBe('notes.txt')
    const explicit = await upload(app, source.id, second, 'duplicate_handling=suffix')
    expect((await json<JobBody>(explicit)).metadata.file_name).toBe('notes (3).txt')
  })

  it('error answers 409 and stores nothing', async () => {
    const server = createTestApp()
    const source = await createSource(server.app)
    await ingest(server.app, source.id, first)
    const response = await upload(server.app, source.id, second, 'duplicate_handling=error')
    expect(response.status).toBe(409)
    expect(await detailOf(response)).toBe('A file named "notes.txt" already exists in this source')
    expect(
      await json<FileBody[]>(server.app.request(`/v1/sources/${source.id}/files`)),
    ).toHaveLength(1)
    expect(readdirSync(server.context.ingestion.originals.dir)).toHaveLength(1)
  })

  it('skip keeps the existing file and answers with a finished job that names it', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const existing = await ingest(app, source.id, first)
    const response = await upload(app, source.id, second, 'duplicate_handling=skip')
    expect(response.status).toBe(200)
    const job = await json<JobBody>(response)
    expect(job).toMatchObject({
      status: 'completed',
      metadata: { skipped: true, file_id: existing.file.id, num_passages: 1 },
    })
    const folderAnswer = await upload(app, source.id, second, 'duplicate_handling=skip', 'folders')
    expect((await json<FileBody>(folderAnswer)).id).toBe(existing.file.id)
    const passages = await json<PassageBody[]>(app.request(`/v1/sources/${source.id}/passages`))
    expect(passages.map((p) => p.text)).toEqual(['The first version talks about apples.'])
  })

  it('replace deletes the old file and its passages, then stores the new one under the name', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const old = await ingest(app, source.id, first)
    const response = await upload(app, source.id, second, 'duplicate_handling=replace')
    const job = await waitForJob(app, (await json<JobBody>(response)).id)
    expect(job.metadata).toMatchObject({ replaced_file_id: old.file.id, file_name: 'notes.txt' })
    expect((await app.request(`/v1/sources/${source.id}/files/${old.file.id}`)).status).toBe(404)
    const files = await json<FileBody[]>(app.request(`/v1/sources/${source.id}/files`))
    expect(files.map((f) => [f.file_name, f.id])).toEqual([['notes.txt', job.metadata.file_id]])
    const passages = await json<PassageBody[]>(app.request(`/v1/sources/${source.id}/passages`))
    expect(passages.map((p) => p.text)).toEqual(['The second version talks about pears.'])
  })

  it('rejects an unknown mode with 422', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const response = await upload(app, source.id, first, 'duplicate_handling=overwrite')
    expect(response.status).toBe(422)
    expect(await detailOf(response)).toContain('duplicate_handling')
  })
})

describe('upload jobs', () => {
  it('answers with a Job whose metadata names the source and file, findable by source_id', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const other = await createSource(app)
    const response = await upload(app, source.id, { name: 'a.txt', data: 'Some text.' })
    const job = await json<JobBody>(response)
    expect(job).toMatchObject({
      id: expect.stringMatching(/^job-/),
      job_type: 'job',
      status: expect.stringMatching(/^(pending|running|completed)$/),
      metadata: {
        source_id: source.id,
        file_id: expect.stringMatching(/^file-/),
        file_name: 'a.txt',
        filename: 'a.txt',
      },
    })
    const done = await waitForJob(app, job.id)
    expect(done.metadata).toMatchObject({
      stage: 'completed',
      total_chunks: 1,
      chunks_embedded: 1,
      num_passages: 1,
    })
    await ingest(app, other.id, { name: 'b.txt', data: 'Other text.' })
    const listed = await json<JobBody[]>(app.request(`/v1/jobs?source_id=${source.id}`))
    expect(listed.map((j) => j.id)).toEqual([job.id])
  })

  it('stores an http(s) callback_url on the job and refuses other schemes with 400', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const ok = await upload(
      app,
      source.id,
      { name: 'a.txt', data: 'x' },
      'callback_url=http%3A%2F%2F127.0.0.1%3A9%2Fhook',
    )
    expect((await json<JobBody>(ok)).callback_url).toBe('http://127.0.0.1:9/hook')
    for (const bad of ['ftp://example.invalid/x', 'javascript:alert(1)', 'not a url']) {
      const response = await upload(
        app,
        source.id,
        { name: 'b.txt', data: 'x' },
        `callback_url=${encodeURIComponent(bad)}`,
      )
      expect(response.status, bad).toBe(400)
      expect(await detailOf(response)).toMatch(/^callback_url /)
    }
  })
})
