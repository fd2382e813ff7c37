import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRoute, z } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'

import { handleError } from '../http/errors.ts'
import { createRouter } from '../http/router.ts'
import { createTestApp, json, listen } from './helpers.ts'

describe('health and conventions', () => {
  it('answers /v1/health with and without the trailing slash', async () => {
    const { app } = createTestApp()
    for (const path of ['/v1/health', '/v1/health/']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ version: expect.any(String), status: 'ok' })
    }
  })

  it('answers an unknown /v1 route with 404 and a detail', async () => {
    const { app } = createTestApp()
    const response = await app.request('/v1/no-such-thing')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      detail: 'Not Found: no route GET /v1/no-such-thing on this server',
    })
  })

  it('serves a valid OpenAPI 3.1 document built from the route schemas', async () => {
    const { app } = createTestApp()
    const document = await json<{ openapi: string; paths: Record<string, unknown> }>(
      app.request('/openapi.json'),
    )
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths).toHaveProperty('/v1/health')
  })
})

describe('request validation', () => {
  // A router built the same way as the real ones, so the mechanism is tested on its own.
  const echo = createRouter()
  echo.onError(handleError)
  echo.openapi(
    createRoute({
      method: 'post',
      path: '/v1/echo',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ name: z.string().max(5) }) } },
        },
      },
      responses: {
        200: {
          description: 'echo',
          content: { 'application/json': { schema: z.object({ name: z.string() }) } },
        },
      },
    }),
    (c) => c.json(c.req.valid('json'), 200),
  )

  it('answers malformed JSON with 400 and a detail', async () => {
    const response = await echo.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    })
    expect(response.status).toBe(400)
    expect((await json<{ detail: string }>(response)).detail).toMatch(/malformed json/i)
  })

  it('answers a body that breaks the schema with 422 and a readable detail string', async () => {
    const response = await echo.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42 }),
    })
    expect(response.status).toBe(422)
    const { detail } = await json<{ detail: string }>(response)
    expect(typeof detail).toBe('string')
    expect(detail).toContain('json.name')
  })

  it('answers text over its bound with 400 naming the field', async () => {
    const response = await echo.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'far too long' }),
    })
    expect(response.status).toBe(400)
    expect((await json<{ detail: string }>(response)).detail).toContain('json.name')
  })
})

describe('password', () => {
  it('lets health through and refuses everything else without the password', async () => {
    const { app } = createTestApp({ password: 's3cret' })
    expect((await app.request('/v1/health')).status).toBe(200)
    const missing = await app.request('/v1/anything')
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ detail: 'Unauthorized' })
    const wrong = await app.request('/v1/anything', { headers: { Authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ detail: 'Unauthorized' })
  })

  it('accepts the password as a Bearer token or as X-BARE-PASSWORD', async () => {
    const { app } = createTestApp({ password: 's3cret' })
    const bearer = await app.request('/v1/anything', {
      headers: { Authorization: 'Bearer s3cret' },
    })
    expect(bearer.status).toBe(404)
    const bare = await app.request('/v1/anything', {
      headers: { 'X-BARE-PASSWORD': 'password s3cret' },
    })
    expect(bare.status).toBe(404)
  })

  it('answers CORS preflights without the password, over real HTTP', async () => {
    const server = createTestApp({ password: 's3cret', corsOrigins: ['http://console.example'] })
    const http = await listen(server)
    try {
      const response = await fetch(`${http.url}/v1/tools`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://console.example',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      })
      expect(response.status).toBeLessThan(300)
      expect(response.headers.get('access-control-allow-origin')).toBe('http://console.example')
    } finally {
      await http.close()
    }
  })
})

describe('CORS', () => {
  it('refuses origins outside the allowed list', async () => {
    const { app } = createTestApp({ corsOrigins: ['http://allowed.example'] })
    const refused = await app.request('/v1/health', { headers: { Origin: 'http://other.example' } })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await app.request('/v1/health', {
      headers: { Origin: 'http://allowed.example' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.example')
  })
})

describe('the built console', () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'letta-admin-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Letta Admin</title>')

  it('serves index.html for client routes such as /settings', async () => {
    const { app } = createTestApp({ staticDir })
    for (const path of ['/', '/settings', '/settings/connection']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<title>Letta Admin</title>')
    }
  })

  it('keeps API 404s as JSON rather than the page', async () => {
    const { app } = createTestApp({ staticDir })
    const response = await app.request('/v1/nothing-here')
    expect(response.status).toBe(404)
    expect(await response.json()).toHaveProperty('detail')
  })

  it('says how to build the console when it is missing', async () => {
    const { app } = createTestApp({ staticDir: join(staticDir, 'missing') })
    const response = await app.request('/')
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build')
  })
})
