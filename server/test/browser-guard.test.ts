import { describe, expect, it } from 'vitest'

import { createTestApp, json } from './helpers.ts'

const RUN_BODY = JSON.stringify({
  source_code: 'def f() -> str:\n    """Answer x."""\n    return "x"\n',
  args: {},
})

describe('a server without a password', () => {
  it('refuses requests addressed to a name that is not loopback, against DNS rebinding', async () => {
    const { app } = createTestApp()
    const rebound = await app.request('http://attacker.example:8283/v1/tools')
    expect(rebound.status).toBe(403)
    expect((await json<{ detail: string }>(rebound)).detail).toBe(
      'Requests for attacker.example:8283 are refused: without a password this server answers only to localhost, 127.0.0.1 ' +
        'and the hosts named with --allowed-host (start it with --allowed-host attacker.example to allow this one)',
    )
    for (const host of ['localhost:8283', '127.0.0.1:8283', '[::1]:8283']) {
      const local = await app.request('/v1/health', { headers: { Host: host } })
      expect(local.status, host).toBe(200)
    }
  })

  it('refuses calls from another web page, but not from its own console or an allowed origin', async () => {
    const { app } = createTestApp({ corsOrigins: ['http://allowed.example'] })
    const foreign = await app.request('http://127.0.0.1:8283/v1/tools/run', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'content-type': 'application/json' },
      body: RUN_BODY,
    })
    expect(foreign.status).toBe(403)
    expect((await json<{ detail: string }>(foreign)).detail).toBe(
      'Requests from https://evil.example are refused: start the server with --cors-origin https://evil.example to allow them',
    )
    const ownConsole = await app.request('http://127.0.0.1:8283/v1/tools', {
      headers: { Origin: 'http://127.0.0.1:8283' },
    })
    expect(ownConsole.status).toBe(200)
    const allowed = await app.request('http://127.0.0.1:8283/v1/tools', {
      headers: { Origin: 'http://allowed.example' },
    })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.example')
    const sdk = await app.request('http://127.0.0.1:8283/v1/tools')
    expect(sdk.status).toBe(200)
  })

  it('allows no other origin by default', async () => {
    const { app } = createTestApp()
    const response = await app.request('http://localhost:8283/v1/health', {
      headers: { Origin: 'http://localhost:5173' },
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('leaves host and origin to the password when there is one', async () => {
    const { app } = createTestApp({ password: 'pw', corsOrigins: [] })
    const response = await app.request('http://letta.internal/v1/tools', {
      headers: { Authorization: 'Bearer pw', Origin: 'http://elsewhere.example' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
