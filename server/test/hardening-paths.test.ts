import { connect } from 'node:net'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'

import { parseConfig } from '../config.ts'
import { FREE_WRONG_PASSWORDS, PasswordThrottle, requirePassword } from '../http/auth.ts'
import { handleError } from '../http/errors.ts'
import { createTestApp, json, listen } from './helpers.ts'
import { createSource, ingest, type FileBody, type SourceBody } from './sources-helpers.ts'

interface RawResponse {
  status: number
  body: string
}

/** Writes a request exactly as given (fetch would resolve dot segments and always send a Host). */
function rawRequest(
  url: string,
  requestLine: string,
  headers: string[] = [],
): Promise<RawResponse> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.end([requestLine, ...headers, 'Connection: close', '', ''].join('\r\n'))
    })
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const status = Number(text.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0)
      const head = text.indexOf('\r\n\r\n')
      let body = head === -1 ? '' : text.slice(head + 4)
      // Chunked bodies: keep the JSON between the size lines.
      if (/transfer-encoding: chunked/i.test(text.slice(0, head))) {
        body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '')
      }
      resolve({ status, body })
    })
  })
}

const HOST = 'Host: 127.0.0.1'

describe('path parameters', () => {
  it('refuses dot and empty segments, so no delete reaches the source itself', async () => {
    const server = createTestApp()
    const source = await createSource(server.app)
    const { file } = await ingest(server.app, source.id, { name: 'keep.txt', data: 'Keep me.' })
    const served = await listen(server)
    try {
      for (const kind of ['sources', 'folders']) {
        for (const target of [
          `/v1/${kind}/${source.id}/files/%2e%2e`,
          `/v1/${kind}/${source.id}/files/%2E%2e/`,
          `/v1/${kind}/${source.id}/files/..`,
          `/v1/${kind}/${source.id}/files/.`,
          `/v1/${kind}/${source.id}/files/%2e`,
          `/v1/${kind}/${source.id}/%2e`,
          `/v1/${kind}/${source.id}/.`,
          `/v1/${kind}/${source.id}/..`,
          `/v1/${kind}/${source.id}//`,
          `/v1/${kind}/${source.id}/files/.%2e?x=1`,
          `http://127.0.0.1/v1/${kind}/${source.id}/files/%2e%2e`,
        ]) {
          const response = await rawRequest(served.url, `DELETE ${target} HTTP/1.1`, [HOST])
          expect(response.status, target).toBeGreaterThanOrEqual(400)
          expect(response.status, target).toBeLessThan(500)
          expect(JSON.parse(response.body), target).toHaveProperty('detail')
        }
      }
      const still = await json<SourceBody>(server.app.request(`/v1/sources/${source.id}`))
      expect(still.id).toBe(source.id)
      const files = await json<FileBody[]>(server.app.request(`/v1/sources/${source.id}/files`))
      expect(files.map((each) => each.id)).toEqual([file.id])
      const passages = await json<unknown[]>(
        server.app.request(`/v1/sources/${source.id}/passages`),
      )
      expect(passages.length).toBeGreaterThan(0)
    } finally {
      await served.close()
    }
  })

  it('answers 422 with a detail for ids that are not <prefix>-<uuid4>', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const uuid = '5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f'
    const cases: [string, string][] = [
      ['DELETE', `/v1/sources/${source.id}/files/source-${uuid}`],
      ['DELETE', `/v1/sources/${source.id}/files/file-123`],
      ['DELETE', `/v1/sources/${source.id}/file-${uuid.toUpperCase()}`],
      ['DELETE', `/v1/folders/${source.id}/tool-${uuid}`],
      ['GET', `/v1/sources/file-${uuid}`],
      ['DELETE', `/v1/sources/x`],
      ['GET', `/v1/tools/source-${uuid}`],
      ['DELETE', `/v1/jobs/job-1`],
      ['PATCH', `/v1/jobs/tool-${uuid}/cancel`],
    ]
    for (const [method, path] of cases) {
      const response = await app.request(path, { method })
      expect(response.status, `${method} ${path}`).toBe(422)
      expect((await json<{ detail: string }>(response)).detail).toMatch(/Invalid ID format/)
    }
    expect((await app.request(`/v1/sources/${source.id}`)).status).toBe(200)
  })
})

describe('loopback guard', () => {
  it('treats a request without a Host header, or with an absolute URL, as not loopback', async () => {
    const server = createTestApp()
    const served = await listen(server)
    try {
      const normal = await rawRequest(served.url, 'GET /v1/tools/count HTTP/1.1', [HOST])
      expect(normal.status).toBe(200)
      // HTTP/1.0 may leave the Host header out; Node then fills in the listening address.
      const noHost = await rawRequest(served.url, 'GET /v1/tools/count HTTP/1.0')
      expect(noHost.status).toBe(403)
      expect(JSON.parse(noHost.body).detail).toMatch(/Host header/)
      for (const requestLine of [
        'GET http://127.0.0.1/v1/tools/count HTTP/1.0',
        'GET http://localhost/v1/tools/count HTTP/1.1',
      ]) {
        const absolute = await rawRequest(served.url, requestLine, ['Host: localhost'])
        expect(absolute.status, requestLine).toBe(403)
        expect(JSON.parse(absolute.body).detail).toMatch(/absolute URL/)
      }
    } finally {
      await served.close()
    }
  })

  it('refuses a blank password at start', () => {
    for (const password of [' ', '\t', '   ']) {
      expect(() => parseConfig(['--password', password], {}, '/')).toThrow(/blank/)
      expect(() => parseConfig([], { LETTA_SERVER_PASSWORD: password }, '/')).toThrow(/blank/)
    }
  })
})

describe('security headers', () => {
  it('sends CSP without inline scripts, frame denial, nosniff and no referrer on every response', async () => {
    const { app } = createTestApp()
    for (const path of ['/v1/health', '/v1/tools', '/v1/no-such-route', '/']) {
      const response = await app.request(path)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toMatch(/script-src 'self'(;|$)/)
      expect(csp).not.toMatch(/unsafe-inline[^;]*;.*script|script-src[^;]*unsafe/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })
})

describe('password throttling', () => {
  it('makes an address wait after repeated wrong passwords; correct ones are not slowed', async () => {
    let now = 1_000_000
    const throttle = new PasswordThrottle(() => now)
    const app = new Hono()
    app.onError(handleError)
    app.use('*', requirePassword('right-one', throttle))
    app.get('/v1/x', (c) => c.json({ ok: true }))
    const bearer = (password: string) => ({ headers: { Authorization: `Bearer ${password}` } })

    // Correct passwords never count, however many are sent.
    for (let i = 0; i < 20; i++)
      expect((await app.request('/v1/x', bearer('right-one'))).status).toBe(200)
    // Requests without a password are not guesses.
    for (let i = 0; i < 20; i++) expect((await app.request('/v1/x')).status).toBe(401)

    for (let i = 0; i < FREE_WRONG_PASSWORDS; i++) {
      expect((await app.request('/v1/x', bearer(`wrong-${i}`))).status).toBe(401)
    }
    const locked = await app.request('/v1/x', bearer('wrong-again'))
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('1')
    expect((await json<{ detail: string }>(locked)).detail).toMatch(/Too many wrong passwords/)
    // While it waits, even the right password is not checked: guessing cannot go faster.
    expect((await app.request('/v1/x', bearer('right-one'))).status).toBe(429)

    now += 1001
    expect((await app.request('/v1/x', bearer('wrong-6'))).status).toBe(401)
    // Each further failure doubles the wait.
    const longer = await app.request('/v1/x', bearer('wrong-7'))
    expect(longer.headers.get('retry-after')).toBe('2')
    now += 2001
    expect((await app.request('/v1/x', bearer('right-one'))).status).toBe(200)
    // A success forgets the failures.
    expect((await app.request('/v1/x', bearer('wrong-8'))).status).toBe(401)
    expect((await app.request('/v1/x', bearer('right-one'))).status).toBe(200)
  })

  it('counts each client address on its own over HTTP', async () => {
    const server = createTestApp({ password: 'right-one' })
    const served = await listen(server)
    try {
      for (let i = 0; i < FREE_WRONG_PASSWORDS; i++) {
        const wrong = await fetch(`${served.url}/v1/tools/count`, {
          headers: { Authorization: 'Bearer wrong' },
        })
        expect(wrong.status).toBe(401)
      }
      const locked = await fetch(`${served.url}/v1/tools/count`, {
        headers: { Authorization: 'Bearer wrong' },
      })
      expect(locked.status).toBe(429)
      // Health stays open to everyone.
      expect((await fetch(`${served.url}/v1/health`)).status).toBe(200)
    } finally {
      await served.close()
    }
  })
})
