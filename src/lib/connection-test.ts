import { authHeaders, normalizeBaseUrl } from './connection'

export type ConnectionTestResult =
  | { kind: 'ok'; version: string; passwordRequired: boolean }
  | { kind: 'unreachable' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'cors'; origin: string }
  | { kind: 'not-letta'; reason: string }
  | { kind: 'password-required' }
  | { kind: 'wrong-password' }
  | { kind: 'http-error'; status: number; detail: string }
  | { kind: 'invalid-url' }

export interface ConnectionTestOptions {
  baseUrl: string
  password: string
  /** The console's own origin, used when baseUrl is empty and named in CORS advice. */
  pageOrigin: string
  timeoutMs?: number
  fetch?: typeof fetch
}

/** Any route that a Letta server guards with its password; health is exempt, so it cannot tell. */
const AUTH_PROBE_PATH = '/v1/tools/count'

/**
 * Tests a server the way the console will use it and names the first thing that fails:
 * nothing answering, a timeout, CORS refusing this origin, not a Letta server, or the password.
 */
export async function testConnection(
  options: ConnectionTestOptions,
): Promise<ConnectionTestResult> {
  const fetchImpl = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 5000
  const origin = normalizeBaseUrl(options.baseUrl) || options.pageOrigin
  try {
    new URL(origin)
  } catch {
    return { kind: 'invalid-url' }
  }

  const request = async (path: string, init: RequestInit = {}) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      return await fetchImpl(`${origin}${path}`, { ...init, signal: controller.signal })
    } finally {
      clearTimeout(timer)
    }
  }

  let health: Response
  try {
    health = await request('/v1/health')
  } catch (error) {
    if (isAbort(error)) return { kind: 'timeout', seconds: timeoutMs / 1000 }
    return (await answersWithoutCors(fetchImpl, origin, timeoutMs))
      ? { kind: 'cors', origin: options.pageOrigin }
      : { kind: 'unreachable' }
  }
  if (health.status === 404) return { kind: 'not-letta', reason: 'it has no /v1/health (404)' }
  if (!health.ok)
    return { kind: 'http-error', status: health.status, detail: await detailOf(health) }
  const body = await health.json().catch(() => undefined)
  if (!isHealth(body))
    return { kind: 'not-letta', reason: '/v1/health did not answer with Letta JSON' }

  let probe: Response
  try {
    probe = await request(AUTH_PROBE_PATH, { headers: authHeaders(options.password) })
  } catch (error) {
    if (isAbort(error)) return { kind: 'timeout', seconds: timeoutMs / 1000 }
    return { kind: 'unreachable' }
  }
  if (probe.status === 401) {
    return options.password ? { kind: 'wrong-password' } : { kind: 'password-required' }
  }
  if (!probe.ok) return { kind: 'http-error', status: probe.status, detail: await detailOf(probe) }
  return { kind: 'ok', version: body.version, passwordRequired: Boolean(options.password) }
}

/** A browser hides CORS refusals as network errors; an opaque no-cors reply shows the server is up. */
async function answersWithoutCors(fetchImpl: typeof fetch, origin: string, timeoutMs: number) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    await fetchImpl(`${origin}/v1/health`, { mode: 'no-cors', signal: controller.signal })
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

function isHealth(body: unknown): body is { version: string; status: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { version?: unknown }).version === 'string' &&
    typeof (body as { status?: unknown }).status === 'string'
  )
}

async function detailOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail
    if (typeof detail === 'string') return detail
  } catch {
    // Not JSON: fall back to the raw text.
  }
  return text.slice(0, 200) || response.statusText
}

/** One sentence a person can act on. */
export function describeConnectionResult(result: ConnectionTestResult, target: string): string {
  switch (result.kind) {
    case 'ok':
      return `Connected to ${target}: Letta server version ${result.version}.`
    case 'invalid-url':
      return `"${target}" is not a valid URL. Use a form like http://localhost:8283.`
    case 'unreachable':
      return `Could not reach ${target}: nothing answered. Check that the server is running and the address is right.`
    case 'timeout':
      return `${target} did not answer within ${result.seconds} s.`
    case 'cors':
      return `${target} is running but refused requests from ${result.origin} (CORS). Add this origin to the server's allowed origins (ACCEPTABLE_ORIGINS on Letta), or open the console from the server itself.`
    case 'not-letta':
      return `${target} answered, but it is not a Letta server: ${result.reason}.`
    case 'password-required':
      return `${target} requires a password (401 Unauthorized). Enter it below.`
    case 'wrong-password':
      return `401 Unauthorized: ${target} rejected the password.`
    case 'http-error':
      return `${target} answered ${result.status}: ${result.detail}`
  }
}
