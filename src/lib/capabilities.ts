import { requestHeaders, type Connection } from './connection'

/**
 * What a Letta server may or may not serve. Each entry names the cheap request that tells (a
 * route that does not exist answers 404), and what to tell the user when it is missing.
 */
export type CapabilityName =
  | 'tools'
  | 'sources'
  | 'folders'
  | 'jobs'
  | 'agents'
  | 'runs'
  | 'steps'
  | 'templates'
  | 'batches'
  | 'usage'
  | 'uploadPolicy'
  | 'generateSchema'

export interface CapabilityDefinition {
  label: string
  /** A request that changes nothing: 404 or 405 means the server lacks the capability. */
  probe: { method: 'GET' | 'POST'; path: string }
  /** The route to look for in the server's OpenAPI document, when it serves one. */
  documentPath: string
  /** Other routes only this capability's pages call (`METHOD /path`), beside its probe. */
  alsoUses?: string[]
}

export const CAPABILITIES: Record<CapabilityName, CapabilityDefinition> = {
  tools: {
    label: 'Tools',
    probe: { method: 'GET', path: '/v1/tools/?limit=1' },
    documentPath: '/v1/tools/',
  },
  sources: {
    label: 'Sources',
    probe: { method: 'GET', path: '/v1/sources/count' },
    documentPath: '/v1/sources/',
  },
  folders: {
    label: 'Folders',
    probe: { method: 'GET', path: '/v1/folders/count' },
    documentPath: '/v1/folders/',
  },
  jobs: {
    label: 'Jobs',
    probe: { method: 'GET', path: '/v1/jobs/?limit=1' },
    documentPath: '/v1/jobs/',
  },
  agents: {
    label: 'Agents',
    probe: { method: 'GET', path: '/v1/agents/?limit=1' },
    documentPath: '/v1/agents/',
  },
  runs: {
    label: 'Runs',
    probe: { method: 'GET', path: '/v1/runs/?limit=1' },
    documentPath: '/v1/runs/',
  },
  steps: {
    label: 'Steps',
    probe: { method: 'GET', path: '/v1/steps/?limit=1' },
    documentPath: '/v1/steps/',
  },
  templates: {
    label: 'Templates',
    probe: { method: 'GET', path: '/v1/templates?limit=1' },
    documentPath: '/v1/templates',
    alsoUses: [
      'POST /v1/agents/{agent_id}/template',
      'POST /v1/agents/{agent_id}/version-template',
    ],
  },
  batches: {
    label: 'Batches',
    probe: { method: 'GET', path: '/v1/messages/batches?limit=1' },
    documentPath: '/v1/messages/batches',
    alsoUses: [
      'GET /v1/messages/batches/{batch_id}/items',
      'GET /v1/batch-runs/{batch_id}/messages',
    ],
  },
  usage: {
    label: 'Usage summary',
    probe: { method: 'GET', path: '/v1/usage-summary' },
    documentPath: '/v1/usage-summary',
  },
  uploadPolicy: {
    label: 'Upload policy',
    probe: { method: 'GET', path: '/v1/upload-policy' },
    documentPath: '/v1/upload-policy',
  },
  generateSchema: {
    label: 'Schema preview',
    // An empty body fails validation (422) where the route exists, and creates nothing.
    probe: { method: 'POST', path: '/v1/tools/generate-schema' },
    documentPath: '/v1/tools/generate-schema',
  },
}

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as CapabilityName[]

/** true: served; false: answered 404 or 405; null: could not tell (unreachable, or refused). */
export type Availability = boolean | null

export interface ServerCapabilities {
  version: string | null
  /** The bundled Letta Admin server (or one like it) rather than a Letta server. */
  isLettaAdmin: boolean
  has: Record<CapabilityName, Availability>
  /** What an upload answers: the processing Job (follow the job) or the file (follow the file). */
  uploadAnswer: 'job' | 'file'
  /** Where the console sends source requests: Letta 0.9+ servers without sources have folders. */
  sourcesPath: '/v1/sources' | '/v1/folders'
  detectedBy: 'openapi' | 'probes'
}

/** Capabilities assumed before detection finishes and when nothing answers: nothing is hidden. */
export const UNKNOWN_CAPABILITIES: ServerCapabilities = {
  version: null,
  isLettaAdmin: false,
  has: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, null])) as Record<
    CapabilityName,
    Availability
  >,
  uploadAnswer: 'job',
  sourcesPath: '/v1/sources',
  detectedBy: 'probes',
}

interface DetectOptions {
  connection: Pick<Connection, 'password' | 'projectId'>
  /** The server's address, without /v1. */
  url: string
  fetch?: (request: Request) => Promise<Response>
  timeoutMs?: number
}

const trimSlash = (path: string) => path.replace(/\/+$/, '').replace(/\?.*$/, '')

/** Reads the server's OpenAPI document when it serves one the browser may read, else undefined. */
async function documentPaths(send: Send): Promise<Set<string> | undefined> {
  const response = await send('GET', '/openapi.json').catch(() => undefined)
  if (!response?.ok) return undefined
  try {
    const document = (await response.json()) as { paths?: Record<string, unknown> }
    if (!document.paths || typeof document.paths !== 'object') return undefined
    return new Set(Object.keys(document.paths).map(trimSlash))
  } catch {
    return undefined
  }
}

type Send = (method: 'GET' | 'POST', path: string) => Promise<Response>

function availabilityOf(response: Response | undefined): Availability {
  if (!response) return null
  if (response.status === 404 || response.status === 405) return false
  if (response.status === 401 || response.status === 403 || response.status >= 500) return null
  return true
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) =>
    version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0)
  const [left, right] = [parts(a), parts(b)]
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return Math.sign(difference)
  }
  return 0
}

/** The oldest Letta server the console supports: the first with tools, sources and jobs as used here. */
export const MIN_LETTA_VERSION = '0.6.0'
/** Since this version a Letta upload answers the file (FileMetadata) rather than a Job. */
const FILE_UPLOAD_ANSWER_SINCE = '0.8.7'

export function isSupportedLettaVersion(version: string): boolean {
  return compareVersions(version, MIN_LETTA_VERSION) >= 0
}

/**
 * Asks the server what it serves: from its OpenAPI document when the browser may read it, else
 * by one cheap request a capability, all at once. Never throws: what cannot be told stays null.
 */
export async function detectCapabilities(options: DetectOptions): Promise<ServerCapabilities> {
  const fetchImpl = options.fetch ?? ((request: Request) => fetch(request))
  const timeoutMs = options.timeoutMs ?? 5000
  const headers = requestHeaders(options.connection)
  const send: Send = (method, path) =>
    fetchImpl(
      new Request(`${options.url}${path}`, {
        method,
        headers: method === 'POST' ? { ...headers, 'Content-Type': 'application/json' } : headers,
        body: method === 'POST' ? '{}' : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      }),
    )

  const [healthResponse, paths] = await Promise.all([
    send('GET', '/v1/health').catch(() => undefined),
    documentPaths(send),
  ])
  let version: string | null = null
  try {
    const health = (await healthResponse?.json()) as { version?: unknown } | undefined
    if (typeof health?.version === 'string') version = health.version
  } catch {
    // Not JSON: the connection test names that; here the version stays unknown.
  }

  const has = { ...UNKNOWN_CAPABILITIES.has }
  if (paths) {
    for (const name of CAPABILITY_NAMES)
      has[name] = paths.has(trimSlash(CAPABILITIES[name].documentPath))
  } else {
    const answers = await Promise.all(
      CAPABILITY_NAMES.map((name) =>
        send(CAPABILITIES[name].probe.method, CAPABILITIES[name].probe.path).catch(() => undefined),
      ),
    )
    CAPABILITY_NAMES.forEach((name, index) => (has[name] = availabilityOf(answers[index])))
  }

  // Only the bundled server publishes an upload policy; it answers a source upload with a Job.
  const isLettaAdmin = has.uploadPolicy === true
  const sourcesPath = has.sources === false && has.folders === true ? '/v1/folders' : '/v1/sources'
  const fileAnswer =
    sourcesPath === '/v1/folders' ||
    (!isLettaAdmin && version !== null && compareVersions(version, FILE_UPLOAD_ANSWER_SINCE) >= 0)
  return {
    version,
    isLettaAdmin,
    has,
    uploadAnswer: fileAnswer ? 'file' : 'job',
    sourcesPath,
    detectedBy: paths ? 'openapi' : 'probes',
  }
}

let active: ServerCapabilities = UNKNOWN_CAPABILITIES

/** Set when detection finishes for the active connection, so every request can use the result. */
export function setActiveCapabilities(capabilities: ServerCapabilities): void {
  active = capabilities
}

export function getActiveCapabilities(): ServerCapabilities {
  return active
}

/** Sends source requests to `/v1/folders` on servers that have folders and no sources. */
export function routeForServer(path: string, capabilities = active): string {
  if (capabilities.sourcesPath === '/v1/folders' && /^\/v1\/sources(\/|$|\?)/.test(path)) {
    return `/v1/folders${path.slice('/v1/sources'.length)}`
  }
  return path
}
