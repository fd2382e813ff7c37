import { createServerClient } from '@/api/client'

import { isSupportedLettaVersion, MIN_LETTA_VERSION } from './capabilities'
import { normalizeBaseUrl } from './connection'

export type ConnectionTestResult =
  | { kind: 'ok'; version: string; passwordRequired: boolean }
  | { kind: 'unreachable' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'tls'; httpUrl: string }
  | { kind: 'unsupported-version'; version: string }
  | { kind: 'cors'; origin: string }
  | { kind: 'not-letta'; reason: string }
  | { kind: 'password-required' }
  | { kind: 'wrong-password' }
  | { kind: 'http-error'; status: number; detail: string }
  | { kind: 'invalid-url' }

export interface ConnectionTestOptions {
  baseUrl: string
  password: string
  projectId?: string
  /** The console's own origin, named in CORS advice. */
  pageOrigin: string
  /** Where requests go when baseUrl is empty: the server that serves the console. */
  bundledUrl?: string
  timeoutMs?: number
  fetch?: (request: Request) => Promise<Response>
}

/**
 * Tests a server the way the console will use it and names the first thing that fails:
 * nothing answering, a timeout, CORS refusing this origin, not a Letta server, or the password.
 */
export async function testConnection(
  options: ConnectionTestOptions,
): Promise<ConnectionTestResult> {
  const timeoutMs = options.timeoutMs ?? 5000
  const url = normalizeBaseUrl(options.baseUrl) || options.bundledUrl || options.pageOrigin
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'invalid-url' }
  } catch {
    return { kind: 'invalid-url' }
  }
  const client = createServerClient({
    url,
    password: options.password,
    projectId: options.projectId,
    fetch: options.fetch,
  })
  const timeout = () => AbortSignal.timeout(timeoutMs)

  let health: { data?: string; error?: unknown; response: Response }
  try {
    // As text: a server that is not Letta may answer HTML, which must be named, not thrown.
    health = await client.GET('/v1/health', { signal: timeout(), parseAs: 'text' })
  } catch (error) {
    if (isAbort(error)) return { kind: 'timeout', seconds: timeoutMs / 1000 }
    if (await answersWithoutCors(client, timeoutMs))
      return { kind: 'cors', origin: options.pageOrigin }
    // A browser hides why HTTPS failed; a server that answers plain HTTP there has no TLS.
    if (url.startsWith('https://')) {
      const httpUrl = url.replace(/^https:/, 'http:')
      const plain = createServerClient({ url: httpUrl, password: '', fetch: options.fetch })
      if (await answersWithoutCors(plain, timeoutMs)) return { kind: 'tls', httpUrl }
    }
    return { kind: 'unreachable' }
  }
  const status = health.response.status
  if (status === 404) return { kind: 'not-letta', reason: 'it has no /v1/health (404)' }
  if (!health.response.ok) {
    // Letta answers errors as JSON with a detail; a web page or a proxy's error page is not Letta.
    const body = health.error ?? health.data
    const detail = (
      (typeof body === 'string' ? parseJson(body) : body) as { detail?: unknown } | undefined
    )?.detail
    if (typeof detail !== 'string') {
      return { kind: 'not-letta', reason: `/v1/health answered ${status} without Letta's JSON` }
    }
    return { kind: 'http-error', status, detail }
  }
  const body = parseJson(health.data)
  if (!isHealth(body))
    return { kind: 'not-letta', reason: '/v1/health did not answer with Letta JSON' }

  // Health needs no password, so a guarded route tells whether the password is right.
  let probe: { error?: unknown; response: Response }
  try {
    probe = await client.GET('/v1/tools/count', { signal: timeout() })
  } catch (error) {
    if (isAbort(error)) return { kind: 'timeout', seconds: timeoutMs / 1000 }
    return { kind: 'unreachable' }
  }
  if (probe.response.status === 401) {
    return options.password ? { kind: 'wrong-password' } : { kind: 'password-required' }
  }
  if (!probe.response.ok) {
    return { kind: 'http-error', status: probe.response.status, detail: detailOf(probe) }
  }
  if (!isSupportedLettaVersion(body.version) && !(await isLettaAdmin(client, timeoutMs))) {
    return { kind: 'unsupported-version', version: body.version }
  }
  return { kind: 'ok', version: body.version, passwordRequired: Boolean(options.password) }
}

/** The bundled server numbers its own versions; only it publishes an upload policy. */
async function isLettaAdmin(client: ReturnType<typeof createServerClient>, timeoutMs: number) {
  try {
    const policy = await client.GET('/v1/upload-policy', { signal: AbortSignal.timeout(timeoutMs) })
    return policy.response.ok
  } catch {
    return false
  }
}

/** A browser hides CORS refusals as network errors; an opaque no-cors reply shows the server is up. */
async function answersWithoutCors(
  client: ReturnType<typeof createServerClient>,
  timeoutMs: number,
) {
  try {
    await client.GET('/v1/health', {
      mode: 'no-cors',
      signal: AbortSignal.timeout(timeoutMs),
      parseAs: 'stream',
    })
    return true
  } catch {
    return false
  }
}

const isAbort = (error: unknown) =>
  error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')

function isHealth(body: unknown): body is { version: string; status: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { version?: unknown }).version === 'string' &&
    typeof (body as { status?: unknown }).status === 'string'
  )
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '')
  } catch {
    return undefined
  }
}

function detailOf(result: { data?: unknown; error?: unknown; response: Response }): string {
  const body = result.error ?? result.data
  const parsed = typeof body === 'string' ? parseJson(body) : body
  if (
    parsed &&
    typeof parsed === 'object' &&
    typeof (parsed as { detail?: unknown }).detail === 'string'
  ) {
    return (parsed as { detail: string }).detail
  }
  return (typeof body === 'string' && body.slice(0, 200)) || result.response.statusText
}

/** One sentence a person can act on. */
export function describeConnectionResult(result: ConnectionTestResult, target: string): string {
  switch (result.kind) {
    case 'ok':
      return `Connected to ${target}: Letta server version ${result.version}.`
    case 'invalid-url':
      return `"${target}" is not a valid URL. Use a form like http://localhost:8283.`
    case 'unreachable':
      return target.startsWith('https://')
        ? `Could not reach ${target}: nothing answered, or its certificate is not one this browser trusts. Open ${target}/v1/health in a tab to see which.`
        : `Could not reach ${target}: nothing answered. Check that the server is running and the address is right.`
    case 'timeout':
      return `${target} did not answer within ${result.seconds} s. Check that the server is not overloaded and that no firewall holds the connection.`
    case 'tls':
      return `${target} does not speak HTTPS: it answered over plain HTTP. Use ${result.httpUrl} instead, or put the server behind a proxy with a certificate.`
    case 'unsupported-version':
      return `${target} runs Letta ${result.version}; the console needs Letta ${MIN_LETTA_VERSION} or later. Upgrade the server.`
    case 'cors':
      return `${target} is running but refused requests from ${result.origin} (CORS). Add this origin to the server's allowed origins (ACCEPTABLE_ORIGINS on Letta, --cors-origin on Letta Admin), or start Letta Admin with --upstream ${target} to reach it from this console's own origin.`
    case 'not-letta':
      return `${target} answered, but it is not a Letta server: ${result.reason}. Check the address and port (Letta listens on 8283 by default).`
    case 'password-required':
      return `${target} requires a password (401 Unauthorized). Enter it below.`
    case 'wrong-password':
      return `401 Unauthorized: ${target} rejected the password.`
    case 'http-error':
      return `${target} answered ${result.status}: ${result.detail}`
  }
}
