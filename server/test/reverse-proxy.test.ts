import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { ConfigError, parseConfig } from '../config.ts'
import { createTestApp, json, listen } from './helpers.ts'

const detailOf = async (response: Response) => (await json<{ detail: string }>(response)).detail

/** A built console in miniature: an index.html with its base and one hashed asset. */
function fakeConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'letta-admin-console-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><base href="/" /><script type="module" src="./assets/app-1.js"></script></head><body></body></html>',
  )
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)')
  return dir
}

describe('--base-path', () => {
  it('is read from the flag or the environment and normalised', () => {
    expect(parseConfig(['--base-path', 'letta-admin/'], {}, '/p').basePath).toBe('/letta-admin')
    expect(parseConfig([], { LETTA_ADMIN_BASE_PATH: '/a/b' }, '/p').basePath).toBe('/a/b')
    expect(parseConfig(['--base-path', '/'], {}, '/p').basePath).toBe('')
    expect(() => parseConfig(['--base-path', '/a b'], {}, '/p')).toThrow(ConfigError)
    expect(() => parseConfig(['--base-path', '/../x'], {}, '/p')).toThrow(ConfigError)
    expect(() => parseConfig(['--base-path', '/v1'], {}, '/p')).toThrow(
      /where the API itself lives/,
    )
  })

  it('serves the API, the assets and deep links under the prefix', async () => {
    const server = createTestApp({ basePath: '/letta-admin', staticDir: fakeConsole() })
    const listening = await listen(server)
    try {
      const health = await fetch(`${listening.url}/letta-admin/v1/health`)
      expect(health.status).toBe(200)
      const created = await fetch(`${listening.url}/letta-admin/v1/sources/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'under-a-prefix' }),
      })
      expect(created.status).toBe(200)
      expect((await json<{ name: string }>(created)).name).toBe('under-a-prefix')

      const deepLink = await fetch(`${listening.url}/letta-admin/sources/source-123`)
      expect(deepLink.status).toBe(200)
      expect(await deepLink.text()).toContain('<base href="/letta-admin/" />')
      const asset = await fetch(`${listening.url}/letta-admin/assets/app-1.js`)
      expect(await asset.text()).toBe('console.log(1)')

      const bare = await fetch(`${listening.url}/letta-admin?x=1`, { redirect: 'manual' })
      expect(bare.status).toBe(308)
      expect(bare.headers.get('location')).toBe('/letta-admin/?x=1')
      // A proxy that strips the prefix itself reaches the same routes.
      expect((await fetch(`${listening.url}/v1/health`)).status).toBe(200)
    } finally {
      await listening.close()
    }
  })

  it('leaves the page at the root without a prefix', async () => {
    const server = createTestApp({ staticDir: fakeConsole() })
    const listening = await listen(server)
    try {
      const page = await fetch(`${listening.url}/tools`)
      expect(await page.text()).toContain('<base href="/" />')
    } finally {
      await listening.close()
    }
  })
})

describe('--allowed-host', () => {
  it('is read from the repeated flag or LETTA_ADMIN_ALLOWED_HOSTS', () => {
    expect(
      parseConfig(['--allowed-host', 'Letta.Internal', '--allowed-host', 'admin'], {}, '/p')
        .allowedHosts,
    ).toEqual(['letta.internal', 'admin'])
    expect(
      parseConfig([], { LETTA_ADMIN_ALLOWED_HOSTS: 'a.example, b.example' }, '/p').allowedHosts,
    ).toEqual(['a.example', 'b.example'])
  })

  it('lets named hosts through without a password and still refuses the rest', async () => {
    const { app } = createTestApp({ allowedHosts: ['letta-admin', 'admin.corp.example'] })
    expect((await app.request('http://letta-admin:8283/v1/tools')).status).toBe(200)
    expect((await app.request('http://ADMIN.corp.example/v1/tools')).status).toBe(200)
    const rebound = await app.request('http://attacker.example/v1/tools')
    expect(rebound.status).toBe(403)
    expect(await detailOf(rebound)).toContain('--allowed-host attacker.example')
  })

  it('accepts the console at an allowed host when the proxy rewrote Host to loopback', async () => {
    const { app } = createTestApp({ allowedHosts: ['admin.corp.example'] })
    const proxied = await app.request('http://127.0.0.1:8283/v1/sources/', {
      method: 'POST',
      headers: { Origin: 'https://admin.corp.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'via-proxy' }),
    })
    expect(proxied.status).toBe(200)
    const foreign = await app.request('http://127.0.0.1:8283/v1/sources/', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'refused' }),
    })
    expect(foreign.status).toBe(403)
  })

  it('answers /v1/health for any Host, and nothing else', async () => {
    const { app } = createTestApp()
    const health = await app.request('http://letta-admin-service:8283/v1/health')
    expect(health.status).toBe(200)
    expect(await json(health)).toMatchObject({ status: 'ok' })
    expect((await app.request('http://letta-admin-service:8283/v1/health/')).status).toBe(200)
    expect((await app.request('http://letta-admin-service:8283/v1/tools')).status).toBe(403)
  })
})

describe('routes a server does not have', () => {
  it('answers a wrong method with 405 and the methods the route takes', async () => {
    const { app } = createTestApp()
    const response = await app.request('/v1/health', { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
    expect(await detailOf(response)).toBe(
      'Method Not Allowed: DELETE /v1/health (this route answers GET)',
    )
    const withParameter = await app.request('/v1/tools/tool-123/', { method: 'PUT' })
    expect(withParameter.status).toBe(405)
    expect(withParameter.headers.get('allow')).toContain('PATCH')
  })

  it('names an unknown route, unlike an unknown object', async () => {
    const { app } = createTestApp()
    const route = await app.request('/v1/identities/identity-1', { method: 'GET' })
    expect(route.status).toBe(404)
    expect(await detailOf(route)).toBe(
      'Not Found: no route GET /v1/identities/identity-1 on this server',
    )
    const object = await app.request('/v1/tools/tool-00000000-0000-4000-8000-000000000000')
    expect(object.status).toBe(404)
    expect(await detailOf(object)).not.toContain('no route')
  })
})
