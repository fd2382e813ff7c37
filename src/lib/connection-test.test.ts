import { describe, expect, it, vi } from 'vitest'

import { describeConnectionResult, testConnection } from './connection-test'

const pageOrigin = 'http://console.test'
const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A fetch stub that answers by path, and by whether the request was no-cors. */
function stubFetch(routes: {
  health?: () => Response | Promise<Response>
  probe?: (request: Request) => Response
  noCors?: () => Response
}) {
  return vi.fn(async (request: Request) => {
    const url = request.url
    if (request.mode === 'no-cors') {
      if (routes.noCors) return routes.noCors()
      throw new TypeError('Failed to fetch')
    }
    if (url.endsWith('/v1/health')) {
      if (!routes.health) throw new TypeError('Failed to fetch')
      return routes.health()
    }
    if (url.endsWith('/v1/tools/count')) return routes.probe?.(request) ?? jsonResponse(200, 3)
    throw new Error(`unexpected ${url}`)
  })
}

const healthy = () => jsonResponse(200, { version: '0.16.8', status: 'ok' })

describe('testConnection', () => {
  it('reports a working server and its version', async () => {
    const result = await testConnection({
      baseUrl: 'http://letta:8283/',
      password: '',
      pageOrigin,
      fetch: stubFetch({ health: healthy }),
    })
    expect(result).toEqual({ kind: 'ok', version: '0.16.8', passwordRequired: false })
  })

  it('uses the page origin when no address is given', async () => {
    const fetchStub = stubFetch({ health: healthy })
    await testConnection({ baseUrl: '', password: '', pageOrigin, fetch: fetchStub })
    expect(fetchStub.mock.calls[0]?.[0].url).toBe('http://console.test/v1/health')
  })

  it('sends the password as a Bearer token and names a wrong one', async () => {
    const probe = vi.fn((request: Request) =>
      request.headers.get('Authorization') === 'Bearer right'
        ? jsonResponse(200, 1)
        : jsonResponse(401, { detail: 'Unauthorized' }),
    )
    const fetchStub = stubFetch({ health: healthy, probe })
    expect(
      await testConnection({
        baseUrl: 'http://letta',
        password: 'wrong',
        pageOrigin,
        fetch: fetchStub,
      }),
    ).toEqual({
      kind: 'wrong-password',
    })
    expect(
      await testConnection({ baseUrl: 'http://letta', password: '', pageOrigin, fetch: fetchStub }),
    ).toEqual({
      kind: 'password-required',
    })
    expect(
      (
        await testConnection({
          baseUrl: 'http://letta',
          password: 'right',
          pageOrigin,
          fetch: fetchStub,
        })
      ).kind,
    ).toBe('ok')
  })

  it('tells an unreachable server from one that refuses this origin by CORS', async () => {
    expect(
      await testConnection({
        baseUrl: 'http://letta',
        password: '',
        pageOrigin,
        fetch: stubFetch({}),
      }),
    ).toEqual({
      kind: 'unreachable',
    })
    const corsRefused = stubFetch({ noCors: () => new Response(null, { status: 200 }) })
    expect(
      await testConnection({
        baseUrl: 'http://letta',
        password: '',
        pageOrigin,
        fetch: corsRefused,
      }),
    ).toEqual({
      kind: 'cors',
      origin: pageOrigin,
    })
  })

  it('gives up after the time limit', async () => {
    const hanging = vi.fn(
      (request: Request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          )
        }),
    )
    expect(
      await testConnection({
        baseUrl: 'http://letta',
        password: '',
        pageOrigin,
        fetch: hanging,
        timeoutMs: 20,
      }),
    ).toEqual({
      kind: 'timeout',
      seconds: 0.02,
    })
  })

  it('names a server that is not Letta: a 404, or a reply that is not JSON', async () => {
    const notFound = stubFetch({ health: () => new Response('nope', { status: 404 }) })
    expect(
      (await testConnection({ baseUrl: 'http://web', password: '', pageOrigin, fetch: notFound }))
        .kind,
    ).toBe('not-letta')
    const html = stubFetch({ health: () => new Response('<html></html>', { status: 200 }) })
    const result = await testConnection({
      baseUrl: 'http://web',
      password: '',
      pageOrigin,
      fetch: html,
    })
    expect(result).toEqual({
      kind: 'not-letta',
      reason: '/v1/health did not answer with Letta JSON',
    })
  })

  it('rejects an address that is not a URL', async () => {
    expect(
      (
        await testConnection({
          baseUrl: 'letta server',
          password: '',
          pageOrigin,
          fetch: stubFetch({}),
        })
      ).kind,
    ).toBe('invalid-url')
  })
})

describe('describeConnectionResult', () => {
  it('writes each failure as a sentence a person can act on', () => {
    const target = 'http://letta:8283'
    expect(describeConnectionResult({ kind: 'wrong-password' }, target)).toBe(
      '401 Unauthorized: http://letta:8283 rejected the password.',
    )
    expect(describeConnectionResult({ kind: 'unreachable' }, target)).toMatch(
      /^Could not reach http:\/\/letta:8283/,
    )
    expect(describeConnectionResult({ kind: 'timeout', seconds: 5 }, target)).toBe(
      'http://letta:8283 did not answer within 5 s.',
    )
    expect(describeConnectionResult({ kind: 'cors', origin: pageOrigin }, target)).toContain('CORS')
  })
})
