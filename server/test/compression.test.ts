import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'

import { precompressDirectory } from '../../scripts/precompress.ts'
import { negotiateEncoding } from '../http/compression.ts'
import { createTestApp } from './helpers.ts'

const buildParent = mkdtempSync(join(tmpdir(), 'letta-admin-compressed-'))
const staticDir = join(buildParent, 'dist')
const SECRET = 'not part of the build'
const assetPath = '/assets/index-Ab12Cd34.js'
const assetFile = join(staticDir, assetPath)
const indexFile = join(staticDir, 'index.html')

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(buildParent, 'secret.txt'), SECRET)
  writeFileSync(
    assetFile,
    Array.from({ length: 200 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n'),
  )
  writeFileSync(
    indexFile,
    `<!doctype html><title>Letta Admin</title>${'<meta name="x" content="y">'.repeat(60)}`,
  )
  writeFileSync(join(staticDir, 'tiny.txt'), 'small')
  expect(await precompressDirectory(staticDir)).toBe(2)
})

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('the built console, compressed', () => {
  it('sends a hashed asset Brotli-encoded to a client that accepts it, cached for a year', async () => {
    const { app } = createTestApp({ staticDir })
    const response = await app.request(assetPath, { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    const body = await bytes(response)
    expect(body.length).toBeLessThan(readFileSync(assetFile).length)
    expect(brotliDecompressSync(body).equals(readFileSync(assetFile))).toBe(true)
  })

  it('sends gzip when Brotli is refused, and the plain file without Accept-Encoding', async () => {
    const { app } = createTestApp({ staticDir })
    const gzipped = await app.request(assetPath, {
      headers: { 'Accept-Encoding': 'br;q=0, gzip' },
    })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gzipped)).equals(readFileSync(assetFile))).toBe(true)

    const plain = await app.request(assetPath)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i)
    expect((await bytes(plain)).equals(readFileSync(assetFile))).toBe(true)
  })

  it('answers index.html with validators and 304 when they still match', async () => {
    const { app } = createTestApp({ staticDir })
    for (const path of ['/', '/tools', '/settings/connection']) {
      const first = await app.request(path, { headers: { 'Accept-Encoding': 'br' } })
      expect(first.status).toBe(200)
      expect(first.headers.get('cache-control')).toBe('no-cache')
      expect(first.headers.get('content-encoding')).toBe('br')
      expect(brotliDecompressSync(await bytes(first)).equals(readFileSync(indexFile))).toBe(true)
      const etag = first.headers.get('etag')
      const lastModified = first.headers.get('last-modified')
      expect(etag).toBeTruthy()
      expect(lastModified).toBeTruthy()

      const byEtag = await app.request(path, { headers: { 'If-None-Match': etag ?? '' } })
      expect(byEtag.status).toBe(304)
      expect(await byEtag.text()).toBe('')
      expect(byEtag.headers.get('etag')).toBe(etag)
      const byDate = await app.request(path, {
        headers: { 'If-Modified-Since': lastModified ?? '' },
      })
      expect(byDate.status).toBe(304)
      const changed = await app.request(path, { headers: { 'If-None-Match': 'W/"other"' } })
      expect(changed.status).toBe(200)
    }
  })

  it('sends files too small to compress as they are, and 404 for a missing asset', async () => {
    const { app } = createTestApp({ staticDir })
    const tiny = await app.request('/tiny.txt', { headers: { 'Accept-Encoding': 'br' } })
    expect(tiny.status).toBe(200)
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(await tiny.text()).toBe('small')

    const missing = await app.request('/assets/gone-123.js', {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toHaveProperty('detail')
  })

  it('never serves a file outside the build', async () => {
    const { app } = createTestApp({ staticDir })
    for (const path of [
      '/assets/..%2f..%2fsecret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      const response = await app.request(path)
      expect(await response.text()).not.toContain(SECRET)
    }
  })
})

describe('JSON responses, compressed on the fly', () => {
  it('compresses a large list for clients that accept it; the decoded bytes are unchanged', async () => {
    const { app } = createTestApp()
    const plain = await app.request('/v1/tools?limit=50')
    expect(plain.headers.get('content-encoding')).toBeNull()
    const plainBody = await bytes(plain)
    expect(plainBody.length).toBeGreaterThan(1024)
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i)

    const br = await app.request('/v1/tools?limit=50', { headers: { 'Accept-Encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('content-type')).toMatch(/application\/json/)
    expect(brotliDecompressSync(await bytes(br)).equals(plainBody)).toBe(true)

    const gz = await app.request('/v1/tools?limit=50', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).equals(plainBody)).toBe(true)
  })

  it('leaves small answers and errors under the threshold alone', async () => {
    const { app } = createTestApp()
    const health = await app.request('/v1/health', { headers: { 'Accept-Encoding': 'br, gzip' } })
    expect(health.headers.get('content-encoding')).toBeNull()
    expect(await health.json()).toHaveProperty('status')
    const missing = await app.request('/v1/tools/tool-00000000-0000-4000-8000-000000000000', {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-encoding')).toBeNull()
    expect(await missing.json()).toHaveProperty('detail')
  })
})

describe('negotiateEncoding', () => {
  it('prefers Brotli, honours q-values and *, and needs a header', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(negotiateEncoding('gzip;q=1, br;q=0.2')).toBe('gzip')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('*;q=0')).toBeUndefined()
    expect(negotiateEncoding('identity')).toBeUndefined()
    expect(negotiateEncoding(undefined)).toBeUndefined()
    expect(negotiateEncoding('br', ['gzip'])).toBeUndefined()
  })
})
