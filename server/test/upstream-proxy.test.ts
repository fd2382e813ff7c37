import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'

import { parseConfig } from '../config.ts'
import { createTestApp, json, listen } from './helpers.ts'

/** A real bundled server guarded by a password stands in for Letta Cloud or a self-hosted Letta. */
async function startUpstream(password = 'upstream-key') {
  const upstream = createTestApp({ password })
  return { ...(await listen(upstream)), password }
}

describe('forwarding /v1 to an upstream Letta server', () => {
  it('answers from the upstream, adding its key and never the browser’s password', async () => {
    const upstream = await startUpstream()
    try {
      const { app, db } = createTestApp({
        password: 'console-password',
        upstream: { url: upstream.url, apiKey: upstream.password, projectId: undefined },
      })
      const auth = { Authorization: 'Bearer console-password' }
      const created = await app.request('/v1/tools', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          source_code: 'def ping() -> str:\n    """Answer pong."""\n    return "pong"\n',
        }),
      })
      expect(created.status).toBe(200)
      const tool = await json<{ id: string; name: string }>(created)

      // The tool lives upstream: asking the upstream directly finds it.
      const direct = await fetch(`${upstream.url}/v1/tools/${tool.id}`, {
        headers: { Authorization: `Bearer ${upstream.password}` },
      })
      expect((await json<{ name: string }>(direct)).name).toBe('ping')
      const count = await app.request('/v1/tools/count?include_base_tools=false', { headers: auth })
      expect(await count.json()).toBe(1)
      // The forwarding server's own storage was never written.
      expect(db.prepare('SELECT COUNT(*) AS n FROM tools WHERE is_builtin = 0').get()).toEqual({
        n: 0,
      })
    } finally {
      await upstream.close()
    }
  })

  it('still asks the browser for this server’s own password', async () => {
    const upstream = await startUpstream()
    try {
      const { app } = createTestApp({
        password: 'console-password',
        upstream: { url: upstream.url, apiKey: upstream.password, projectId: undefined },
      })
      const refused = await app.request('/v1/tools', {
        headers: { Authorization: `Bearer ${upstream.password}` },
      })
      expect(refused.status).toBe(401)
    } finally {
      await upstream.close()
    }
  })

  it('passes the upstream’s errors through, and its 401 when the key is wrong', async () => {
    const upstream = await startUpstream()
    try {
      const wrongKey = createTestApp({
        upstream: { url: upstream.url, apiKey: 'wrong', projectId: undefined },
      })
      const unauthorized = await wrongKey.app.request('/v1/tools')
      expect(unauthorized.status).toBe(401)
      expect(await unauthorized.json()).toEqual({ detail: 'Unauthorized' })

      const proxied = createTestApp({
        upstream: { url: upstream.url, apiKey: upstream.password, projectId: undefined },
      })
      const missing = await proxied.app.request(
        '/v1/tools/tool-00000000-0000-4000-8000-000000000000',
      )
      expect(missing.status).toBe(404)
      expect((await json<{ detail: string }>(missing)).detail).toMatch(/not found/i)
    } finally {
      await upstream.close()
    }
  })

  it('serves the upstream’s OpenAPI document, so the console detects what the upstream has', async () => {
    const upstream = await startUpstream()
    try {
      const { app } = createTestApp({
        upstream: { url: upstream.url, apiKey: upstream.password, projectId: undefined },
      })
      const document = await json<{ info: { title: string }; paths: Record<string, unknown> }>(
        app.request('/openapi.json'),
      )
      expect(document.paths).toHaveProperty('/v1/folders')
      // A forwarding server with no upstream document says so rather than describing itself.
      const { app: toNowhere } = createTestApp({
        upstream: { url: 'http://127.0.0.1:9', apiKey: undefined, projectId: undefined },
      })
      expect((await toNowhere.request('/openapi.json')).status).toBe(502)
    } finally {
      await upstream.close()
    }
  })

  it('streams a multipart upload through to the upstream', async () => {
    const upstream = await startUpstream()
    try {
      const { app } = createTestApp({
        upstream: { url: upstream.url, apiKey: upstream.password, projectId: undefined },
      })
      const source = await json<{ id: string }>(
        app.request('/v1/sources', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'proxied' }),
        }),
      )
      const form = new FormData()
      form.append('file', new File(['Lighthouses guide ships at night.'], 'notes.txt'))
      const upload = await app.request(`/v1/folders/${source.id}/upload`, {
        method: 'POST',
        body: form,
      })
      expect(upload.status).toBe(200)
      expect(await json<{ file_name: string }>(upload)).toMatchObject({ file_name: 'notes.txt' })
    } finally {
      await upstream.close()
    }
  })

  it('sends the project id and keeps the browser’s own headers out', async () => {
    let seen: IncomingMessage['headers'] = {}
    const recorder = createServer((request, response) => {
      seen = request.headers
      response.setHeader('content-type', 'application/json')
      response.end('[]')
    })
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`
    try {
      const { app } = createTestApp({
        upstream: { url, apiKey: 'cloud-key', projectId: 'project-7' },
      })
      const response = await app.request('/v1/agents/?limit=1', {
        headers: {
          Cookie: 'session=1',
          'X-BARE-PASSWORD': 'password local',
          Origin: 'http://localhost',
        },
      })
      expect(response.status).toBe(200)
      expect(seen).toMatchObject({ authorization: 'Bearer cloud-key', 'x-project-id': 'project-7' })
      expect(seen).not.toHaveProperty('cookie')
      expect(seen).not.toHaveProperty('x-bare-password')
      expect(seen).not.toHaveProperty('origin')
    } finally {
      recorder.close()
    }
  })

  it('answers 502 with a readable detail when the upstream is down', async () => {
    const upstream = await startUpstream()
    await upstream.close()
    const { app } = createTestApp({
      upstream: { url: upstream.url, apiKey: undefined, projectId: undefined },
    })
    const response = await app.request('/v1/tools')
    expect(response.status).toBe(502)
    expect((await json<{ detail: string }>(response)).detail).toBe(
      `The Letta server at ${upstream.url} did not answer (ECONNREFUSED)`,
    )
  })

  it('takes the upstream from flags or the environment, and refuses what is not http(s)', () => {
    const config = parseConfig(
      ['--upstream', 'https://api.letta.com/v1/'],
      { LETTA_API_KEY: 'k' },
      '/p',
    )
    expect(config.upstream).toEqual({
      url: 'https://api.letta.com',
      apiKey: 'k',
      projectId: undefined,
    })
    expect(() => parseConfig(['--upstream', 'ftp://letta'], {}, '/p')).toThrow(
      /only http and https/,
    )
    expect(parseConfig([], {}, '/p').upstream).toBeUndefined()
  })
})
