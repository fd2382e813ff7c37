import { existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { createApp } from '../app.ts'
import { defaultAppConfig } from '../config.ts'
import { createTestApp, json } from './helpers.ts'
import {
  createSource,
  ingest,
  upload,
  waitForFile,
  type FileBody,
  type JobBody,
  type PassageBody,
  type SourceBody,
} from './sources-helpers.ts'

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const patch = (body: unknown) => ({ ...post(body), method: 'PATCH' })

describe('sources', () => {
  it('creates a source with Letta fields and the built-in embedder by default', async () => {
    const { app } = createTestApp()
    const response = await app.request(
      '/v1/sources',
      post({
        name: 'handbook',
        description: 'Staff handbook',
        instructions: 'Cite it',
        metadata: { team: 'ops' },
      }),
    )
    expect(response.status).toBe(200)
    const source = await json<Record<string, unknown>>(response)
    expect(source).toMatchObject({
      id: expect.stringMatching(/^source-[0-9a-f-]{36}$/),
      name: 'handbook',
      description: 'Staff handbook',
      instructions: 'Cite it',
      metadata: { team: 'ops' },
      vector_db_provider: 'native',
      created_by_id: expect.stringMatching(/^user-/),
      last_updated_by_id: expect.stringMatching(/^user-/),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      file_count: 0,
      embedding_config: {
        embedding_endpoint_type: 'local',
        embedding_endpoint: null,
        embedding_model: 'lexical-hash-384',
        embedding_dim: 384,
        embedding_chunk_size: 300,
        batch_size: 32,
        handle: 'letta-admin/lexical-hash-384',
      },
    })
  })

  it('takes an embedding handle or config and a chunk size, and refuses ones it cannot run', async () => {
    const { app } = createTestApp()
    const byHandle = await createSource(app, {
      embedding: 'letta-admin/lexical-hash-384',
      embedding_chunk_size: 512,
    })
    expect(byHandle.embedding_config).toMatchObject({
      embedding_chunk_size: 512,
      embedding_dim: 384,
    })
    const byConfig = await createSource(app, {
      embedding_config: {
        embedding_model: 'lexical-hash-384',
        embedding_chunk_size: 128,
        batch_size: 8,
      },
    })
    expect(byConfig.embedding_config).toMatchObject({
      embedding_chunk_size: 128,
      handle: 'letta-admin/lexical-hash-384',
    })

    const unknown = await app.request(
      '/v1/sources',
      post({ name: 'x', embedding: 'openai/text-embedding-3-small' }),
    )
    expect(unknown.status).toBe(400)
    expect((await json<{ detail: string }>(unknown)).detail).toBe(
      'Unknown embedding handle "openai/text-embedding-3-small". This server offers: letta-admin/lexical-hash-384.',
    )
    const badSize = await app.request('/v1/sources', post({ name: 'y', embedding_chunk_size: 10 }))
    expect(badSize.status).toBe(422)
    expect((await json<{ detail: string }>(badSize)).detail).toContain('embedding_chunk_size')
  })

  it('keeps names unique (409) on create and rename', async () => {
    const { app } = createTestApp()
    await createSource(app, { name: 'alpha' })
    const beta = await createSource(app, { name: 'beta' })
    const duplicate = await app.request('/v1/sources', post({ name: 'alpha' }))
    expect(duplicate.status).toBe(409)
    expect(await json(duplicate)).toEqual({ detail: 'A source named "alpha" already exists' })
    const rename = await app.request(`/v1/sources/${beta.id}`, patch({ name: 'alpha' }))
    expect(rename.status).toBe(409)
    const missingName = await app.request('/v1/sources', post({ description: 'no name' }))
    expect(missingName.status).toBe(422)
  })

  it('lists with cursors, counts as a bare integer, finds by name, reads and updates', async () => {
    const { app } = createTestApp()
    const created: SourceBody[] = []
    for (const name of ['one', 'two', 'three']) created.push(await createSource(app, { name }))
    const [one, two, three] = created as [SourceBody, SourceBody, SourceBody]

    const all = await json<SourceBody[]>(app.request('/v1/sources/'))
    expect(all.map((s) => s.name)).toEqual(['one', 'two', 'three'])
    const after = await json<SourceBody[]>(app.request(`/v1/sources?after=${one.id}&limit=1`))
    expect(after.map((s) => s.name)).toEqual(['two'])
    const newest = await json<SourceBody[]>(app.request('/v1/sources?order=desc&limit=2'))
    expect(newest.map((s) => s.name)).toEqual(['three', 'two'])
    const named = await json<SourceBody[]>(app.request('/v1/sources?name=two'))
    expect(named.map((s) => s.id)).toEqual([two.id])
    expect((await app.request('/v1/sources?after=source-nope')).status).toBe(400)

    const count = await app.request('/v1/sources/count')
    expect(await count.text()).toBe('3')
    expect(await json(app.request('/v1/sources/name/three'))).toBe(three.id)
    expect((await app.request('/v1/sources/name/four')).status).toBe(404)

    const updated = await json<Record<string, unknown>>(
      app.request(`/v1/sources/${two.id}`, patch({ description: 'second', metadata: { n: 2 } })),
    )
    expect(updated).toMatchObject({ name: 'two', description: 'second', metadata: { n: 2 } })
    const fetched = await json<Record<string, unknown>>(app.request(`/v1/sources/${two.id}`))
    expect(fetched).toMatchObject({ description: 'second' })
    const rechunked = await json<SourceBody>(
      app.request(
        `/v1/sources/${two.id}`,
        patch({
          embedding_config: { embedding_model: 'lexical-hash-384', embedding_chunk_size: 200 },
        }),
      ),
    )
    expect(rechunked.embedding_config.embedding_chunk_size).toBe(200)
  })

  it('answers unknown ids with 404 everywhere', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const missing = 'source-00000000-0000-4000-8000-000000000000'
    const file = 'file-00000000-0000-4000-8000-000000000000'
    const requests: [string, RequestInit?][] = [
      [`/v1/sources/${missing}`],
      [`/v1/sources/${missing}`, patch({ description: 'x' })],
      [`/v1/sources/${missing}`, { method: 'DELETE' }],
      [`/v1/sources/${missing}/files`],
      [`/v1/sources/${missing}/passages`],
      [`/v1/sources/${source.id}/files/${file}`],
      [`/v1/sources/${source.id}/files/${file}`, { method: 'DELETE' }],
      [`/v1/sources/${source.id}/${file}`, { method: 'DELETE' }],
      [`/v1/folders/${missing}`],
      [`/v1/folders/${source.id}/${file}`, { method: 'DELETE' }],
    ]
    for (const [path, init] of requests) {
      const response = await app.request(path, init)
      expect(response.status, `${init?.method ?? 'GET'} ${path}`).toBe(404)
      expect((await json<{ detail: string }>(response)).detail).toMatch(/not found/)
    }
    const upload404 = await upload(app, missing, { name: 'a.txt', data: 'hello' })
    expect(upload404.status).toBe(404)
  })

  it('counts files per source in the list', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    await ingest(app, source.id, { name: 'a.txt', data: 'First file.' })
    await ingest(app, source.id, { name: 'b.txt', data: 'Second file.' })
    const [listed] = await json<SourceBody[]>(app.request('/v1/sources'))
    expect(listed?.file_count).toBe(2)
  })
})

describe('files and passages', () => {
  it('lists files with paging and content, and passages with file and text filters', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const first = await ingest(app, source.id, {
      name: 'apples.txt',
      data: 'Apples are red. Apples are sweet.',
    })
    const second = await ingest(app, source.id, { name: 'pears.txt', data: 'Pears are green.' })

    const files = await json<FileBody[]>(app.request(`/v1/sources/${source.id}/files`))
    expect(files.map((f) => f.file_name)).toEqual(['apples.txt', 'pears.txt'])
    expect(files[0]).not.toHaveProperty('content')
    expect(files[0]).toMatchObject({
      is_deleted: false,
      file_size: 33,
      original_file_name: 'apples.txt',
    })
    const page = await json<FileBody[]>(
      app.request(`/v1/sources/${source.id}/files?after=${first.file.id}`),
    )
    expect(page.map((f) => f.file_name)).toEqual(['pears.txt'])
    const withContent = await json<FileBody[]>(
      app.request(`/v1/sources/${source.id}/files?include_content=true&order=desc&limit=1`),
    )
    expect(withContent.map((f) => f.content)).toEqual(['Pears are green.'])

    const all = await json<PassageBody[]>(app.request(`/v1/sources/${source.id}/passages`))
    expect(all).toHaveLength(2)
    const passage = all[0] as PassageBody
    expect(passage).toMatchObject({
      id: expect.stringMatching(/^passage-/),
      source_id: source.id,
      file_id: first.file.id,
      file_name: 'apples.txt',
      is_deleted: false,
      tags: null,
      embedding_config: { embedding_dim: 384 },
      created_by_id: expect.stringMatching(/^user-/),
    })
    expect(passage.embedding).toHaveLength(384)
    const norm = Math.hypot(...passage.embedding)
    expect(norm).toBeCloseTo(1, 4)

    const searched = await json<PassageBody[]>(
      app.request(`/v1/sources/${source.id}/passages?search=GREEN`),
    )
    expect(searched.map((p) => p.file_id)).toEqual([second.file.id])
    const byFile = await json<PassageBody[]>(
      app.request(`/v1/sources/${source.id}/passages?file_id=${first.file.id}`),
    )
    expect(byFile.map((p) => p.file_name)).toEqual(['apples.txt'])
  })

  it('deletes a file with its passages and stored original, by both paths', async () => {
    const server = createTestApp()
    const { app } = server
    const source = await createSource(app)
    const originals = server.context.ingestion.originals.dir
    for (const path of ['files/', '']) {
      const { file, passages } = await ingest(app, source.id, {
        name: 'doomed.txt',
        data: 'Short lived text.',
      })
      expect(passages.length).toBe(1)
      expect(existsSync(join(originals, file.id))).toBe(true)
      const response = await app.request(`/v1/sources/${source.id}/${path}${file.id}`, {
        method: 'DELETE',
      })
      expect(response.status).toBe(204)
      expect((await app.request(`/v1/sources/${source.id}/files/${file.id}`)).status).toBe(404)
      expect(await json(app.request(`/v1/sources/${source.id}/passages`))).toEqual([])
      expect(existsSync(join(originals, file.id))).toBe(false)
    }
  })

  it('deletes a source with all its files, passages and originals, and keeps others', async () => {
    const server = createTestApp()
    const { app } = server
    const doomed = await createSource(app)
    const kept = await createSource(app)
    await ingest(app, doomed.id, { name: 'a.txt', data: 'Alpha text.' })
    await ingest(app, doomed.id, { name: 'b.md', data: '# B\n\nBeta text.' })
    const survivor = await ingest(app, kept.id, { name: 'c.txt', data: 'Gamma text.' })
    const originals = server.context.ingestion.originals.dir
    expect(readdirSync(originals)).toHaveLength(3)

    const response = await app.request(`/v1/sources/${doomed.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({ id: doomed.id, file_count: 2 })
    expect((await app.request(`/v1/sources/${doomed.id}`)).status).toBe(404)
    expect(readdirSync(originals)).toEqual([survivor.file.id])
    const leftovers = server.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM files WHERE source_id = ?) + (SELECT COUNT(*) FROM passages WHERE source_id = ?) AS n',
      )
      .get(doomed.id, doomed.id) as { n: number }
    expect(leftovers.n).toBe(0)
    expect(await json<PassageBody[]>(app.request(`/v1/sources/${kept.id}/passages`))).toHaveLength(
      1,
    )
  })
})

describe('stored originals', () => {
  it('live in a temporary directory per in-memory app, removed when the app closes', async () => {
    const server = createApp(defaultAppConfig())
    const dir = server.context.ingestion.originals.dir
    expect(dir.startsWith(tmpdir())).toBe(true)
    const source = await createSource(server.app)
    const { file } = await ingest(server.app, source.id, { name: 'a.txt', data: 'Kept a while.' })
    expect(readdirSync(dir)).toEqual([file.id])
    await server.close()
    expect(existsSync(dir)).toBe(false)
  })
})

describe('folders: the same storage under /v1/folders', () => {
  it('creates, lists, reads, uploads (answering with the file) and deletes', async () => {
    const { app } = createTestApp()
    const created = await json<SourceBody>(app.request('/v1/folders/', post({ name: 'shared' })))
    expect(created.id).toMatch(/^source-/)
    expect(await json<SourceBody[]>(app.request('/v1/sources'))).toHaveLength(1)
    expect(await json(app.request('/v1/folders/count'))).toBe(1)

    const response = await upload(
      app,
      created.id,
      { name: 'notes.md', data: '# Notes\n\nFolder text.' },
      '',
      'folders',
    )
    expect(response.status).toBe(200)
    const file = await json<FileBody>(response)
    expect(file).toMatchObject({
      source_id: created.id,
      file_name: 'notes.md',
      processing_status: 'pending',
    })
    expect(file.job_id).toMatch(/^job-/)
    const done = await waitForFile(app, created.id, file.id)
    expect(done).toMatchObject({
      processing_status: 'completed',
      total_chunks: 1,
      chunks_embedded: 1,
    })
    const viaFolders = await json<FileBody>(
      app.request(`/v1/folders/${created.id}/files/${file.id}`),
    )
    expect(viaFolders.processing_status).toBe('completed')
    expect(
      await json<PassageBody[]>(app.request(`/v1/folders/${created.id}/passages`)),
    ).toHaveLength(1)
    const job = await json<JobBody>(app.request(`/v1/jobs/${file.job_id}`))
    expect(job).toMatchObject({
      status: 'completed',
      metadata: { source_id: created.id, file_id: file.id },
    })

    expect(
      (await app.request(`/v1/folders/${created.id}/${file.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    expect(await json(app.request(`/v1/folders/${created.id}/files`))).toEqual([])
    expect((await app.request(`/v1/folders/${created.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await json(app.request('/v1/folders'))).toEqual([])
  })
})

describe('embedding models and the upload policy', () => {
  it('lists the built-in embedder', async () => {
    const { app } = createTestApp()
    expect(await json(app.request('/v1/models/embedding'))).toEqual([
      expect.objectContaining({
        handle: 'letta-admin/lexical-hash-384',
        embedding_endpoint_type: 'local',
        embedding_dim: 384,
        embedding_chunk_size: 300,
        batch_size: 32,
        model_type: 'embedding',
      }),
    ])
  })

  it('lists an OpenAI-compatible API first when one is configured, and uses it by default', async () => {
    const { app } = createTestApp({
      embeddingProvider: {
        endpoint: 'http://127.0.0.1:9/v1',
        model: 'nomic-embed-text',
        apiKey: undefined,
        dimensions: undefined,
      },
    })
    const models = await json<{ handle: string; embedding_dim: number }[]>(
      app.request('/v1/models/embedding'),
    )
    expect(models.map((m) => [m.handle, m.embedding_dim])).toEqual([
      ['openai/nomic-embed-text', 768],
      ['letta-admin/lexical-hash-384', 384],
    ])
    const source = await createSource(app)
    expect(source.embedding_config.handle).toBe('openai/nomic-embed-text')
  })

  it('serves the size limit and accepted types from the one list the upload check uses', async () => {
    const { app } = createTestApp({ maxUploadBytes: 1234 })
    const policy = await json<{
      max_file_size_bytes: number
      accepted_types: { extension: string; mime_types: string[]; description: string }[]
    }>(app.request('/v1/upload-policy'))
    expect(policy.max_file_size_bytes).toBe(1234)
    const byExtension = new Map(policy.accepted_types.map((t) => [t.extension, t]))
    expect(byExtension.get('.pdf')?.mime_types).toEqual(['application/pdf'])
    expect(byExtension.get('.md')?.mime_types).toContain('text/x-markdown')
    expect(byExtension.get('.docx')?.description).toBe('Word document')
    expect(byExtension.has('.exe')).toBe(false)
  })
})
