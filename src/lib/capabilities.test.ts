import { describe, expect, it, vi } from 'vitest'

import {
  CAPABILITY_NAMES,
  detectCapabilities,
  routeForServer,
  UNKNOWN_CAPABILITIES,
  type ServerCapabilities,
} from './capabilities'
import { CAPABILITY_NOTES } from './capability-notes'
import { isAvailable, navigationFor, navItemForPath } from './navigation'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const connection = { password: 'pw', projectId: '' }

describe('detectCapabilities', () => {
  it('reads what the server serves from its OpenAPI document when it has one', async () => {
    const fetchStub = vi.fn(async (request: Request) => {
      if (request.url.endsWith('/openapi.json')) {
        return json(200, { paths: { '/v1/tools/': {}, '/v1/folders/': {}, '/v1/agents/': {} } })
      }
      if (request.url.endsWith('/v1/health')) return json(200, { version: '0.16.8', status: 'ok' })
      throw new Error(`unexpected ${request.url}`)
    })
    const detected = await detectCapabilities({ connection, url: 'http://letta', fetch: fetchStub })
    expect(detected).toMatchObject({
      version: '0.16.8',
      isLettaAdmin: false,
      detectedBy: 'openapi',
      sourcesPath: '/v1/folders',
      uploadAnswer: 'file',
    })
    expect(detected.has).toMatchObject({ tools: true, folders: true, agents: true, sources: false })
    expect(fetchStub.mock.calls[0]?.[0].headers.get('authorization')).toBe('Bearer pw')
  })

  it('asks one cheap request a capability otherwise: 404 and 405 mean missing, 401 unknown', async () => {
    const fetchStub = vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname
      if (path === '/v1/health') return json(200, { version: '0.1.0', status: 'ok' })
      if (path === '/openapi.json') throw new TypeError('Failed to fetch')
      if (path.startsWith('/v1/agents')) return json(405, { detail: 'Method Not Allowed' })
      if (path.startsWith('/v1/templates')) return json(401, { detail: 'Unauthorized' })
      if (path === '/v1/tools/generate-schema') {
        expect(request.method).toBe('POST')
        return json(422, { detail: 'body: required' })
      }
      if (/^\/v1\/(tools|sources|jobs|upload-policy)/.test(path)) return json(200, [])
      return json(404, { detail: 'Not Found' })
    })
    const detected = await detectCapabilities({ connection, url: 'http://admin', fetch: fetchStub })
    expect(detected.detectedBy).toBe('probes')
    expect(detected.has).toMatchObject({
      tools: true,
      sources: true,
      jobs: true,
      uploadPolicy: true,
      generateSchema: true,
      folders: false,
      agents: false,
      templates: null,
    })
    expect(detected).toMatchObject({
      isLettaAdmin: true,
      uploadAnswer: 'job',
      sourcesPath: '/v1/sources',
    })
  })

  it('never throws: a server that answers nothing leaves everything unknown', async () => {
    const detected = await detectCapabilities({
      connection,
      url: 'http://gone',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })
    expect(detected.has).toEqual(UNKNOWN_CAPABILITIES.has)
    expect(detected.version).toBeNull()
  })
})

const withHas = (has: Partial<ServerCapabilities['has']>): ServerCapabilities => ({
  ...UNKNOWN_CAPABILITIES,
  has: { ...UNKNOWN_CAPABILITIES.has, ...has },
})

describe('routes and navigation by capability', () => {
  it('sends source requests to folders only where sources are missing', () => {
    const foldersOnly = {
      ...withHas({ sources: false, folders: true }),
      sourcesPath: '/v1/folders' as const,
    }
    expect(routeForServer('/v1/sources/source-1/upload', foldersOnly)).toBe(
      '/v1/folders/source-1/upload',
    )
    expect(routeForServer('/v1/sources', foldersOnly)).toBe('/v1/folders')
    expect(routeForServer('/v1/sourcesx', foldersOnly)).toBe('/v1/sourcesx')
    expect(routeForServer('/v1/sources', UNKNOWN_CAPABILITIES)).toBe('/v1/sources')
  })

  it('hides a page only when the server surely lacks all it needs', () => {
    const titles = (capabilities: ServerCapabilities) =>
      navigationFor(capabilities).flatMap((section) => section.items.map((item) => item.title))
    expect(titles(UNKNOWN_CAPABILITIES)).toEqual([
      'Overview',
      'Agents',
      'Runs',
      'Usage',
      'Tools',
      'Sources',
      'Templates',
      'Batches',
      'Jobs',
      'Connection',
    ])
    // A self-hosted Letta 0.9+: folders, no jobs, no templates, no usage extension.
    expect(
      titles(
        withHas({
          jobs: false,
          sources: false,
          folders: true,
          templates: false,
          batches: false,
          usage: false,
        }),
      ),
    ).toEqual(['Overview', 'Agents', 'Runs', 'Usage', 'Tools', 'Sources', 'Connection'])
    // Usage needs either the extension or the steps it is computed from.
    expect(titles(withHas({ usage: false, steps: false }))).not.toContain('Usage')
    const sources = navItemForPath('/sources/source-1')
    expect(sources?.title).toBe('Sources')
    expect(sources && isAvailable(sources, withHas({ sources: false, folders: false }))).toBe(false)
    expect(navItemForPath('/')).toBeUndefined()
  })

  it('says for every capability what its absence means', () => {
    for (const name of CAPABILITY_NAMES) expect(CAPABILITY_NOTES[name]).not.toBe('')
  })
})
