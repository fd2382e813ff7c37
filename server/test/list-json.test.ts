import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

import { KINDS } from '../routes/source-paths.ts'
import { FilesRepository } from '../storage/files-repository.ts'
import { JobsRepository } from '../storage/jobs-repository.ts'
import { PageJsonCache, RowJsonCache } from '../storage/list-json-cache.ts'
import { PassagesRepository } from '../storage/passages-repository.ts'
import { SourcesRepository, type EmbeddingConfig } from '../storage/sources-repository.ts'
import { ToolsRepository } from '../storage/tools-repository.ts'
import { createTestApp } from './helpers.ts'

const EMBEDDING: EmbeddingConfig = {
  embedding_endpoint_type: 'openai',
  embedding_endpoint: 'http://127.0.0.1:1/v1',
  embedding_model: 'test-embedding',
  embedding_dim: 4,
  embedding_chunk_size: 300,
  batch_size: 8,
  handle: null,
}

/**
 * A server holding tools, files, passages and jobs, with `expected(path)` giving the body each
 * list route must send: JSON.stringify of the objects the repositories build row by row, which
 * is what every list route sent before lists were served from each row's kept JSON.
 */
function seededServer() {
  const server = createTestApp()
  const { db } = server
  const tools = new ToolsRepository(db)
  for (let index = 0; index < 12; index += 1) {
    tools.insert({
      name: `tool_${index}`,
      tool_type: 'custom',
      description: index % 3 ? `Looks up record ${index} — "quoted", \u2028 and émoji 🚀` : null,
      source_type: 'python',
      tags: index % 2 ? ['finance', `tag-${index}`] : [],
      source_code: `def tool_${index}(x: int) -> int:\n    return x * ${index}\n`,
      json_schema: { name: `tool_${index}`, parameters: { type: 'object', weight: index / 7 } },
      args_json_schema: null,
      return_char_limit: 6000,
      pip_requirements: index === 3 ? [{ name: 'requests', version: '2.0' }] : null,
      npm_requirements: null,
      default_requires_approval: index % 2 === 0,
      enable_parallel_execution: null,
      metadata_: index === 4 ? { nested: { list: [1, 2.5, null, 'x'] } } : null,
      project_id: null,
    })
  }
  const source = new SourcesRepository(db).create({ name: 'docs', embedding_config: EMBEDDING })
  const files = new FilesRepository(db)
  const passages = new PassagesRepository(db)
  const jobs = new JobsRepository(db)
  const fileIds: string[] = []
  for (let index = 0; index < 6; index += 1) {
    const id = FilesRepository.newId()
    fileIds.push(id)
    const name = `notes-${index}.md`
    files.create({
      id,
      source_id: source.id,
      file_name: name,
      original_file_name: name,
      file_type: 'text/markdown',
      file_size: 100 + index,
    })
    passages.insertMany({ source_id: source.id, file_id: id, file_name: name }, EMBEDDING, [
      {
        text: `First part of ${name}\nwith a tab\tand "quotes"`,
        embedding: Float32Array.from([0.1, -0.25, index, 1e-7]),
        metadata: { chunk: 0 },
      },
      {
        text: `Second part of ${name}`,
        embedding: Float32Array.from([1 / 3, 2, -index, 0]),
        metadata: { chunk: 1 },
      },
    ])
    jobs.create({ source_id: source.id, file_id: id, metadata: { file_name: name } })
  }
  const sourceService = server.context.ingestion.sources
  const expected = {
    tools: (query: Parameters<ToolsRepository['list']>[1], filters = {}) =>
      JSON.stringify(tools.list(filters, query)),
    jobs: (query: Parameters<JobsRepository['list']>[1], filters = {}) =>
      JSON.stringify(jobs.list(filters, query)),
    files: (kind: keyof typeof KINDS, query = {}) =>
      JSON.stringify(sourceService.listFiles(source.id, query, KINDS[kind].filesPage, false)),
    passages: (kind: keyof typeof KINDS, query = {}, filters = {}) =>
      JSON.stringify(
        sourceService.listPassages(source.id, filters, query, KINDS[kind].passagesPage),
      ),
  }
  const body = async (path: string) => {
    const response = await server.app.request(path)
    expect(response.status, path).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    return response.text()
  }
  return { server, source, tools, files, passages, jobs, fileIds, expected, body }
}

describe('list bodies from kept row JSON', () => {
  it('are byte for byte what the row-by-row lists send, for every list route', async () => {
    const { source, tools, jobs, fileIds, expected, body } = seededServer()
    const toolIds = tools.list({}, { limit: 100 }).map((tool) => tool.id)
    const jobIds = jobs.list({}, { limit: 100 }).map((job) => job.id)

    // Twice each: the second answer comes from the kept JSON.
    for (let round = 0; round < 2; round += 1) {
      expect(await body('/v1/tools')).toBe(expected.tools({}))
      expect(await body('/v1/tools?limit=5')).toBe(expected.tools({ limit: 5 }))
      expect(await body(`/v1/tools?limit=4&after=${toolIds[3]}`)).toBe(
        expected.tools({ limit: 4, after: toolIds[3] }),
      )
      expect(await body(`/v1/tools?limit=4&before=${toolIds[9]}`)).toBe(
        expected.tools({ limit: 4, before: toolIds[9] }),
      )
      expect(await body(`/v1/tools?limit=3&order=desc&after=${toolIds[8]}`)).toBe(
        expected.tools({ limit: 3, order: 'desc', after: toolIds[8] }),
      )
      expect(await body('/v1/tools?search=record&limit=50')).toBe(
        expected.tools({ limit: 50 }, { search: 'record' }),
      )
      expect(await body('/v1/tools?tags=finance')).toBe(expected.tools({}, { tags: ['finance'] }))

      expect(await body('/v1/jobs')).toBe(expected.jobs({}))
      expect(await body('/v1/jobs/active')).toBe(
        expected.jobs({}, { statuses: ['created', 'pending', 'running'] }),
      )
      expect(await body(`/v1/jobs?limit=2&before=${jobIds[1]}`)).toBe(
        expected.jobs({ limit: 2, before: jobIds[1] }),
      )
      expect(await body(`/v1/jobs?limit=2&after=${jobIds[4]}&order=asc`)).toBe(
        expected.jobs({ limit: 2, after: jobIds[4], order: 'asc' }),
      )
      // The same rows read the other way round: one query, two pages.
      expect(await body(`/v1/jobs?limit=2&after=${jobIds[4]}`)).toBe(
        expected.jobs({ limit: 2, after: jobIds[4] }),
      )

      for (const kind of ['sources', 'folders'] as const) {
        const base = `${KINDS[kind].base}/${source.id}`
        expect(await body(`${base}/files`)).toBe(expected.files(kind))
        expect(await body(`${base}/files?limit=2&after=${fileIds[1]}`)).toBe(
          expected.files(kind, { limit: 2, after: fileIds[1] }),
        )
        expect(await body(`${base}/passages`)).toBe(expected.passages(kind))
        expect(await body(`${base}/passages?limit=3&file_id=${fileIds[2]}`)).toBe(
          expected.passages(kind, { limit: 3 }, { file_id: fileIds[2] }),
        )
        expect(await body(`${base}/passages?search=SECOND`)).toBe(
          expected.passages(kind, {}, { search: 'SECOND' }),
        )
      }
    }
  })

  it('follow every change to a row, however it was written', async () => {
    const { server, source, tools, files, jobs, fileIds, expected, body } = seededServer()
    const base = `/v1/sources/${source.id}`
    // Fill the kept JSON first.
    await body('/v1/tools')
    await body('/v1/jobs')
    await body(`${base}/files`)
    await body(`${base}/passages`)

    const [first] = tools.list({}, { limit: 1 })
    if (!first) throw new Error('no tool')
    tools.update(first.id, { ...first, description: 'Changed through the repository' })
    const [job] = jobs.list({}, { limit: 1 })
    if (!job) throw new Error('no job')
    jobs.update(job.id, { status: 'completed', completed_at: '2026-01-01T00:00:00.000Z' })
    jobs.mergeMetadata(job.id, { total_chunks: 7, chunks_embedded: 3 })
    files.update(fileIds[0] ?? '', { processing_status: 'completed', total_chunks: 2 })
    // Straight SQL too, as a migration or another module might write.
    server.db.prepare("UPDATE passages SET text = 'rewritten' WHERE file_id = ?").run(fileIds[1])
    server.db.prepare("UPDATE tools SET description = 'by SQL' WHERE name = 'tool_5'").run()
    tools.delete(tools.list({}, { limit: 100 })[2]?.id ?? '')

    expect(await body('/v1/tools')).toBe(expected.tools({}))
    expect(await body('/v1/tools')).toContain('Changed through the repository')
    expect(await body('/v1/tools')).toContain('by SQL')
    expect(await body('/v1/jobs')).toBe(expected.jobs({}))
    expect(await body('/v1/jobs')).toContain('"chunks_embedded":3')
    expect(await body(`${base}/files`)).toBe(expected.files('sources'))
    expect(await body(`${base}/passages`)).toBe(expected.passages('sources'))
    expect(await body(`${base}/passages`)).toContain('rewritten')
  })

  it('keeps file contents out of the kept JSON', async () => {
    const { server, source, fileIds } = seededServer()
    server.db
      .prepare('INSERT INTO file_contents (file_id, text) VALUES (?, ?)')
      .run(fileIds[0], 'the whole text')
    const base = `/v1/sources/${source.id}/files`
    const plain = await (await server.app.request(base)).text()
    const withContent = await (await server.app.request(`${base}?include_content=true`)).text()
    expect(plain).not.toContain('the whole text')
    expect(withContent).toContain('the whole text')
    expect(await (await server.app.request(base)).text()).toBe(plain)
  })
})

describe('kept list pages', () => {
  const send = (
    server: ReturnType<typeof seededServer>['server'],
    method: string,
    path: string,
    body?: unknown,
  ) =>
    server.app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it('show every tool write made over HTTP in the next answer', async () => {
    const { server, tools, expected, body } = seededServer()
    const pages: [string, () => string][] = [
      ['/v1/tools', () => expected.tools({})],
      ['/v1/tools?limit=3&order=desc', () => expected.tools({ limit: 3, order: 'desc' })],
      ['/v1/tools?tags=finance', () => expected.tools({}, { tags: ['finance'] })],
      ['/v1/tools?tags=audit', () => expected.tools({}, { tags: ['audit'] })],
      ['/v1/tools?search=record', () => expected.tools({}, { search: 'record' })],
    ]
    const check = async (after: string) => {
      for (const [path, want] of pages)
        expect(await body(path), `${path} after ${after}`).toBe(want())
    }
    await check('nothing')
    const source =
      'def audit_log(entry: str) -> str:\n    """Records an entry.\n\n    Args:\n        entry (str): The entry.\n    """\n    return entry\n'
    const created = await send(server, 'POST', '/v1/tools', {
      source_code: source,
      tags: ['audit'],
    })
    expect(created.status).toBe(200)
    const { id } = (await created.json()) as { id: string }
    await check('create')
    expect(await body('/v1/tools?tags=audit')).toContain(id)

    expect((await send(server, 'PATCH', `/v1/tools/${id}`, { tags: ['finance'] })).status).toBe(200)
    await check('update of tags')
    expect(await body('/v1/tools?tags=audit')).toBe('[]')

    const upserted = await send(server, 'PUT', '/v1/tools', {
      source_code: source,
      description: 'Upserted record keeper',
      tags: ['audit'],
    })
    expect(upserted.status).toBe(200)
    await check('upsert')
    expect(await body('/v1/tools?search=record')).toContain('Upserted record keeper')

    expect((await send(server, 'DELETE', `/v1/tools/${id}`)).status).toBe(200)
    await check('delete')
    expect(await body('/v1/tools')).not.toContain(id)

    // Tags alone, by straight SQL: only the tags filter reads tool_tags.
    const [tagged] = tools.list({}, { limit: 100 }).filter((tool) => tool.tags.includes('finance'))
    server.db
      .prepare(
        "DELETE FROM tool_tags WHERE tag = 'finance' AND tool_seq = (SELECT seq FROM tools WHERE id = ?)",
      )
      .run(tagged?.id)
    expect(await body('/v1/tools?tags=finance')).not.toContain(tagged?.id)
    await check('a tag row deleted by SQL')
  })

  it('show file, passage and job writes in the next answer', async () => {
    const { source, files, passages, jobs, fileIds, expected, body } = seededServer()
    const base = `/v1/sources/${source.id}`
    const check = async (after: string) => {
      expect(await body(`${base}/files`), `files after ${after}`).toBe(expected.files('sources'))
      expect(await body(`${base}/passages`), `passages after ${after}`).toBe(
        expected.passages('sources'),
      )
      expect(await body('/v1/jobs'), `jobs after ${after}`).toBe(expected.jobs({}))
    }
    await check('nothing')
    const id = FilesRepository.newId()
    files.create({
      id,
      source_id: source.id,
      file_name: 'late.md',
      original_file_name: 'late.md',
      file_type: 'text/markdown',
      file_size: 1,
    })
    passages.insertMany({ source_id: source.id, file_id: id, file_name: 'late.md' }, EMBEDDING, [
      { text: 'A late passage', embedding: Float32Array.from([1, 2, 3, 4]), metadata: {} },
    ])
    const job = jobs.create({
      source_id: source.id,
      file_id: id,
      metadata: { file_name: 'late.md' },
    })
    await check('create')
    expect(await body(`${base}/passages`)).toContain('A late passage')

    files.update(id, { processing_status: 'error', error_message: 'failed late' })
    jobs.update(job.id, { status: 'failed' })
    await check('update')
    expect(await body(`${base}/files`)).toContain('failed late')

    passages.deleteByFile(fileIds[0] ?? '')
    files.delete(id)
    jobs.delete(job.id)
    await check('delete')
    expect(await body(`${base}/files`)).not.toContain(id)
  })

  it('are compressed once per encoding, and afresh once their table changes', async () => {
    const { server, tools, expected, body } = seededServer()
    const compressed = async (encoding: string) => {
      const response = await server.app.request('/v1/tools', {
        headers: { 'Accept-Encoding': encoding },
      })
      expect(response.headers.get('content-encoding')).toBe(encoding)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(response.headers.get('content-length')).toBe(String(bytes.length))
      return (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString()
    }
    const plain = await body('/v1/tools')
    for (const encoding of ['br', 'gzip', 'br', 'gzip'])
      expect(await compressed(encoding)).toBe(plain)
    // The kept page itself is untouched by being compressed.
    expect(await body('/v1/tools')).toBe(plain)
    expect(plain).toBe(expected.tools({}))

    const [first] = tools.list({}, { limit: 1 })
    if (!first) throw new Error('no tool')
    tools.update(first.id, { ...first, description: 'Changed after compression' })
    // Requests that arrive together, while the new page is still being compressed, all get it.
    const together = await Promise.all(['br', 'br', 'gzip', 'gzip'].map(compressed))
    for (const text of together) {
      expect(text).toBe(expected.tools({}))
      expect(text).toContain('Changed after compression')
    }
  })

  it('keep nothing read inside a transaction that is rolled back', async () => {
    const { server, tools, expected, body } = seededServer()
    const [first] = tools.list({}, { limit: 1 })
    if (!first) throw new Error('no tool')
    await body('/v1/tools')
    const readInside = server.db.transaction(() => {
      tools.update(first.id, { ...first, description: 'rolled back' })
      expect(new TextDecoder().decode(tools.listJson({}, {}))).toContain('rolled back')
      throw new Error('roll back')
    })
    expect(readInside).toThrow('roll back')
    // The same write committed brings the table and the row to the version numbers the rolled-back
    // one had: what was read inside the transaction must not be sent for them.
    tools.update(first.id, { ...first, description: 'committed' })
    expect(await body('/v1/tools')).toBe(expected.tools({}))
    expect(await body('/v1/tools')).toContain('committed')
  })
})

describe('PageJsonCache', () => {
  it('drops every page when the version moves, and the least recently used past its size', () => {
    const page = (text: string) => new TextEncoder().encode(text)
    const cache = new PageJsonCache(10)
    cache.set(1, 'a', page('[1,2]'))
    expect(cache.get(1, 'a')).toEqual(page('[1,2]'))
    expect(cache.get(2, 'a')).toBeUndefined()
    expect(cache.get(1, 'a')).toBeUndefined()
    cache.set(3, 'a', page('[1]'))
    cache.set(3, 'b', page('[2]'))
    expect(cache.get(3, 'a')).toEqual(page('[1]'))
    cache.set(3, 'c', page('[3,4,5]'))
    expect(cache.get(3, 'b')).toBeUndefined()
    expect(cache.get(3, 'a')).toEqual(page('[1]'))
    cache.set(3, 'd', page('[far too long]'))
    expect(cache.get(3, 'd')).toBeUndefined()
  })
})

describe('RowJsonCache', () => {
  it('misses on another version and forgets the least recently used rows past its size', () => {
    const cache = new RowJsonCache(10)
    cache.set(1, 0, '"aaaa"')
    expect(cache.get(1, 0)).toBe('"aaaa"')
    expect(cache.get(1, 1)).toBeUndefined()
    expect(cache.get(1, 0)).toBeUndefined()
    cache.set(1, 0, '"aa"')
    cache.set(2, 0, '"bb"')
    expect(cache.get(1, 0)).toBe('"aa"')
    cache.set(3, 0, '"cc"')
    expect(cache.get(2, 0)).toBeUndefined()
    expect(cache.get(1, 0)).toBe('"aa"')
    expect(cache.get(3, 0)).toBe('"cc"')
    cache.set(4, 0, '"far too long"')
    expect(cache.get(4, 0)).toBeUndefined()
  })
})
