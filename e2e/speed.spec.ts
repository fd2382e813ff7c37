import { readFileSync } from 'node:fs'
import { get, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

import { measurePageWeight, PAGE_BUDGET, topLevelRoutes } from '../bench/page-weight.ts'
import { baseURL } from '../playwright.config.ts'

const staticDir = process.env.E2E_STATIC_DIR ?? 'dist'

interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** A GET with exactly these headers, body as sent (fetch would decode it). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(`${baseURL}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    }).on('error', reject)
  })
}

test('the built console goes out compressed, cached, and revalidated', async () => {
  const index = await rawGet('/')
  expect(index.status).toBe(200)
  const entry = /src="\.?(\/assets\/index-[\w-]+\.js)"/.exec(index.body.toString('utf8'))?.[1]
  expect(entry, 'index.html names its entry script').toBeTruthy()
  const onDisk = readFileSync(join(staticDir, entry ?? ''))

  const br = await rawGet(entry ?? '', { 'Accept-Encoding': 'gzip, deflate, br' })
  expect(br.status).toBe(200)
  expect(br.headers['content-encoding']).toBe('br')
  expect(br.headers.vary).toMatch(/accept-encoding/i)
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(br.body.length).toBeLessThan(onDisk.length / 2)
  expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true)

  const plain = await rawGet(entry ?? '')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.equals(onDisk)).toBe(true)

  expect(index.headers['cache-control']).toBe('no-cache')
  const etag = index.headers.etag ?? ''
  expect(etag).not.toBe('')
  expect((await rawGet('/', { 'If-None-Match': etag })).status).toBe(304)
  expect((await rawGet('/tools', { 'If-None-Match': etag })).status).toBe(304)
  const lastModified = index.headers['last-modified'] ?? ''
  expect((await rawGet('/', { 'If-Modified-Since': lastModified })).status).toBe(304)
})

test('the first visit to every route stays within the page budget', async ({ browser }) => {
  const routes = topLevelRoutes()
  expect(routes).toContain('/')
  for (const path of routes) {
    const weight = await measurePageWeight(browser, baseURL, path)
    console.log(
      `${path}: ${(weight.scriptBytes / 1024).toFixed(1)} KB of JavaScript in ${weight.scriptRequests} scripts`,
    )
    // Bytes and requests only: times vary too much between machines to assert.
    expect(weight.scriptRequests, `${path}: script requests`).toBeLessThanOrEqual(
      PAGE_BUDGET.scriptRequests,
    )
    expect(weight.scriptBytes, `${path}: JavaScript bytes as sent`).toBeLessThanOrEqual(
      PAGE_BUDGET.scriptBytes,
    )
  }
})
