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

  it('takes an address without a scheme as http://', async () => {
    const fetchStub = stubFetch({ health: healthy })
    await testConnection({ baseUrl: 'letta:8283', password: '', pageOrigin, fetch: fetchStub })
    expect(fetchStub.mock.calls[0]?.[0].url).toBe('http://letta:8283/v1/health')
  })

  it('names a TLS failure when the address answers plain HTTP', async () => {
    const plainOnly = vi.fn(async (request: Request) => {
      if (request.mode === 'no-cors' && request.url.startsWith('http://')) {
        return new Response(null, { status: 200 })
      }
      throw new TypeError('Failed to fetch')
    })
    expect(
      await testConnection({
        baseUrl: 'https://letta:8283',
        password: '',
        pageOrigin,
        fetch: plainOnly,
      }),
    ).toEqual({ kind: 'tls', httpUrl: 'http://letta:8283' })
  })

  it('names a proxy error page as not Letta, and a Letta error with its detail', async () => {
    const badGateway = stubFetch({
      health: () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
    })
    expect(
      await testConnection({ baseUrl: 'http://web', password: '', pageOrigin, fetch: badGateway }),
    ).toEqual({ kind: 'not-letta', reason: "/v1/health answered 502 without Letta's JSON" })
    const lettaError = stubFetch({
      health: () => jsonResponse(503, { detail: 'Database unavailable' }),
    })
    expect(
      await testConnection({
        baseUrl: 'http://letta',
        password: '',
        pageOrigin,
        fetch: lettaError,
      }),
    ).toEqual({ kind: 'http-error', status: 503, detail: 'Database unavailable' })
  })

  it('refuses a Letta older than the console supports, but not the bundled server', async () => {
    const old = (policy: number) =>
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/v1/health'))
          return jsonResponse(200, { version: '0.5.1', status: 'ok' })
        if (request.url.endsWith('/v1/upload-policy')) return jsonResponse(policy, { detail: 'x' })
        return jsonResponse(200, 1)
      })
    expect(
      await testConnection({ baseUrl: 'http://old', password: '', pageOrigin, fetch: old(404) }),
    ).toEqual({ kind: 'unsupported-version', version: '0.5.1' })
    expect(
      (await testConnection({ baseUrl: 'http://admin', password: '', pageOrigin, fetch: old(200) }))
        .kind,
    ).toBe('ok')
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
    expect(describeConnectionResult({ kind: 'timeout', seconds: 5 }, target)).toMatch(
      /^http:\/\/letta:8283 did not answer within 5 s\. Check/,
    )
    expect(
      describeConnectionResult({ kind: 'tls', httpUrl: 'http://letta:8283' }, 'https://letta:8283'),
    ).toBe(
      'https://letta:8283 does not speak HTTPS: it answered over plain HTTP. Use http://letta:8283 instead, or put the server behind a proxy with a certificate.',
    )
    expect(describeConnectionResult({ kind: 'unreachable' }, 'https://letta')).toContain(
      'certificate',
    )
    expect(
      describeConnectionResult({ kind: 'unsupported-version', version: '0.5.1' }, target),
    ).toBe(
      'http://letta:8283 runs Letta 0.5.1; the console needs Letta 0.6.0 or later. Upgrade the server.',
    )
    expect(describeConnectionResult({ kind: 'cors', origin: pageOrigin }, target)).toContain('CORS')
  })
})
