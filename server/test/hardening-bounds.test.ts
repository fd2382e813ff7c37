import { describe, expect, it, vi } from 'vitest'

import { parseConfig } from '../config.ts'
import { createTestApp, json } from './helpers.ts'
import { createSource, ingest, uploadJob, waitForJob } from './sources-helpers.ts'

const post = (body: string, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body,
})

const toolSource = (name: string) =>
  `def ${name}(x: int) -> int:\n    """Doubles x."""\n    return x * 2\n`

describe('request bounds', () => {
  it('answers 413 with a detail for a body over --max-body-mb, and stores nothing', async () => {
    const { app } = createTestApp({ maxBodyBytes: 64 * 1024 })
    const before = await (await app.request('/v1/tools/count')).text()
    const big = JSON.stringify({
      source_code: toolSource('big'),
      description: 'x'.repeat(100 * 1024),
    })
    const response = await app.request('/v1/tools', post(big))
    expect(response.status).toBe(413)
    expect((await json<{ detail: string }>(response)).detail).toMatch(/--max-body-mb/)
    // Without a Content-Length the limit still holds, counted as the body streams in.
    const streamed = await app.request('/v1/tools', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await (await app.request('/v1/tools/count')).text()).toBe(before)
  })

  it('reads --max-body-mb and LETTA_ADMIN_MAX_BODY_MB, 8 MB by default', () => {
    expect(parseConfig([], {}, '/').maxBodyBytes).toBe(8 * 1024 * 1024)
    expect(parseConfig(['--max-body-mb', '2'], {}, '/').maxBodyBytes).toBe(2 * 1024 * 1024)
    expect(parseConfig([], { LETTA_ADMIN_MAX_BODY_MB: '1' }, '/').maxBodyBytes).toBe(1024 * 1024)
    expect(() => parseConfig(['--max-body-mb', '0'], {}, '/')).toThrow(/body limit/)
  })

  it('answers 400 naming the field for text over its bound', async () => {
    const { app } = createTestApp()
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['POST', '/v1/sources', { name: 'n'.repeat(256) }, /json\.name: Too long/],
      [
        'POST',
        '/v1/sources',
        { name: 'ok', description: 'd'.repeat(50_001) },
        /json\.description: Too long/,
      ],
      [
        'POST',
        '/v1/tools',
        { source_code: toolSource('t'), description: 'd'.repeat(50_001) },
        /json\.description/,
      ],
      [
        'POST',
        '/v1/tools',
        { source_code: toolSource('t'), tags: Array.from({ length: 101 }, (_, i) => `t${i}`) },
        /json\.tags/,
      ],
      [
        'POST',
        '/v1/tools',
        { source_code: toolSource('t'), tags: ['x'.repeat(256)] },
        /json\.tags\.0/,
      ],
    ]
    for (const [method, path, body, detail] of cases) {
      const response = await app.request(path, post(JSON.stringify(body), method))
      expect(response.status, `${path} ${Object.keys(body).join()}`).toBe(400)
      expect((await json<{ detail: string }>(response)).detail).toMatch(detail)
    }
    expect(await (await app.request('/v1/sources/count')).text()).toBe('0')
  })

  it('refuses a JSON body nested deeper than 512 levels with a reason, not a 500', async () => {
    const { app } = createTestApp()
    const errors = vi.spyOn(console, 'error')
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const response = await app.request(
      '/v1/sources',
      post(`{"name":"deep","metadata":{"a":${deep}}}`),
    )
    expect(response.status).toBe(400)
    expect((await json<{ detail: string }>(response)).detail).toMatch(/512 levels deep/)
    expect(errors).not.toHaveBeenCalled()
    // Brackets inside strings are text, not nesting.
    const brackets = await app.request(
      '/v1/sources',
      post(JSON.stringify({ name: 'brackets', description: '['.repeat(2000) })),
    )
    expect(brackets.status).toBe(200)
  })

  it('fails a JSON upload nested 100,000 levels deep with a readable reason and no stack trace', async () => {
    const { app } = createTestApp()
    const errors = vi.spyOn(console, 'error')
    const source = await createSource(app)
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const started = await uploadJob(app, source.id, { name: 'deep.json', data: deep })
    const job = await waitForJob(app, started.id)
    expect(job.status).toBe('failed')
    expect(JSON.stringify(job.metadata)).toMatch(/more than 512 levels deep/)
    expect(errors).not.toHaveBeenCalled()
    const fine = await ingest(app, source.id, { name: 'ok.json', data: '[{"a":[1,[2,[3]]]}]' })
    expect(fine.job.status).toBe('completed')
  })
})
