import { useSyncExternalStore } from 'react'

/**
 * How the console reaches a Letta server. `bundled`: the server that serves this console.
 * `direct`: another server, called from the browser, its password or API key kept here.
 * `proxied`: a server reached through a Letta Admin started with `--upstream`, which adds the
 * upstream's key itself, so the browser never holds it.
 */
export type ConnectionKind = 'bundled' | 'direct' | 'proxied'

export interface Connection {
  id: string
  kind: ConnectionKind
  name: string
  /** The server's address without `/v1`; '' for the bundled server (where this page came from). */
  baseUrl: string
  /** Sent as `Authorization: Bearer`: a server password or a Letta Cloud API key. */
  password: string
  /** Letta Cloud's project, sent as `X-Project-Id`; direct connections only. */
  projectId: string
}

export const BUNDLED_CONNECTION_ID = 'bundled'

export const CONNECTION_LIMITS = {
  name: 100,
  baseUrl: 2048,
  password: 4096,
  projectId: 200,
  connections: 50,
} as const

const bundledConnection = (password = ''): Connection => ({
  id: BUNDLED_CONNECTION_ID,
  kind: 'bundled',
  name: 'Bundled server',
  baseUrl: '',
  password,
  projectId: '',
})

interface Store {
  connections: Connection[]
  activeId: string
}

const STORAGE_KEY = 'letta-admin.connections'
/** Where a single connection was kept before there were several; read once and carried over. */
const LEGACY_STORAGE_KEY = 'letta-admin.connection'
const listeners = new Set<() => void>()

const text = (value: unknown, limit: number) =>
  typeof value === 'string' ? value.slice(0, limit) : ''

function parseConnection(value: unknown): Connection | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const raw = value as Record<string, unknown>
  const kind = raw.kind
  if (kind !== 'bundled' && kind !== 'direct' && kind !== 'proxied') return undefined
  if (kind === 'bundled') return bundledConnection(text(raw.password, CONNECTION_LIMITS.password))
  const baseUrl = text(raw.baseUrl, CONNECTION_LIMITS.baseUrl)
  const id = text(raw.id, 100)
  if (!baseUrl || !id || id === BUNDLED_CONNECTION_ID) return undefined
  return {
    id,
    kind,
    name: text(raw.name, CONNECTION_LIMITS.name) || hostOf(baseUrl),
    baseUrl,
    password: text(raw.password, CONNECTION_LIMITS.password),
    projectId: kind === 'direct' ? text(raw.projectId, CONNECTION_LIMITS.projectId) : '',
  }
}

function readLegacy(): Store | undefined {
  const legacy = localStorage.getItem(LEGACY_STORAGE_KEY)
  if (legacy === null) return undefined
  const parsed = JSON.parse(legacy) as { baseUrl?: unknown; password?: unknown }
  const baseUrl = text(parsed.baseUrl, CONNECTION_LIMITS.baseUrl)
  const password = text(parsed.password, CONNECTION_LIMITS.password)
  if (!baseUrl)
    return { connections: [bundledConnection(password)], activeId: BUNDLED_CONNECTION_ID }
  const direct: Connection = {
    id: newConnectionId(),
    kind: 'direct',
    name: hostOf(baseUrl),
    baseUrl,
    password,
    projectId: '',
  }
  return { connections: [bundledConnection(), direct], activeId: direct.id }
}

export function readStore(): Store {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === null) {
      return readLegacy() ?? { connections: [bundledConnection()], activeId: BUNDLED_CONNECTION_ID }
    }
    const parsed = JSON.parse(saved) as { connections?: unknown; activeId?: unknown }
    const connections = (Array.isArray(parsed.connections) ? parsed.connections : [])
      .map(parseConnection)
      .filter((connection): connection is Connection => connection !== undefined)
      .slice(0, CONNECTION_LIMITS.connections)
    // The bundled server is always there to come back to.
    if (!connections.some((connection) => connection.kind === 'bundled')) {
      connections.unshift(bundledConnection())
    }
    const activeId = connections.some((connection) => connection.id === parsed.activeId)
      ? (parsed.activeId as string)
      : BUNDLED_CONNECTION_ID
    return { connections, activeId }
  } catch {
    return { connections: [bundledConnection()], activeId: BUNDLED_CONNECTION_ID }
  }
}

let store = readStore()

function write(next: Store): void {
  store = next
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  localStorage.removeItem(LEGACY_STORAGE_KEY)
  for (const listener of listeners) listener()
}

export function getConnection(): Connection {
  return (
    store.connections.find((connection) => connection.id === store.activeId) ?? bundledConnection()
  )
}

export function getConnections(): Connection[] {
  return store.connections
}

/** Changes the active connection's fields (the password dialog sets its password). */
export function setConnection(changes: Partial<Omit<Connection, 'id' | 'kind'>>): void {
  const active = getConnection()
  saveConnection({ ...active, ...changes })
}

/** Adds a connection, or replaces the one with the same id; returns what was stored. */
export function saveConnection(connection: Connection): Connection {
  const cleaned: Connection = {
    ...connection,
    name: connection.name.trim().slice(0, CONNECTION_LIMITS.name) || hostOf(connection.baseUrl),
    baseUrl: connection.kind === 'bundled' ? '' : normalizeBaseUrl(connection.baseUrl),
    password: connection.password.slice(0, CONNECTION_LIMITS.password),
    projectId:
      connection.kind === 'direct'
        ? connection.projectId.trim().slice(0, CONNECTION_LIMITS.projectId)
        : '',
  }
  const exists = store.connections.some((each) => each.id === cleaned.id)
  if (!exists && store.connections.length >= CONNECTION_LIMITS.connections) {
    throw new Error(`At most ${CONNECTION_LIMITS.connections} connections can be saved`)
  }
  const connections = exists
    ? store.connections.map((each) => (each.id === cleaned.id ? cleaned : each))
    : [...store.connections, cleaned]
  write({ ...store, connections })
  return cleaned
}

export function activateConnection(id: string): void {
  if (!store.connections.some((connection) => connection.id === id)) return
  write({ ...store, activeId: id })
}

/** Forgets a connection; removing the active one goes back to the bundled server. */
export function removeConnection(id: string): void {
  if (id === BUNDLED_CONNECTION_ID) return
  write({
    connections: store.connections.filter((connection) => connection.id !== id),
    activeId: store.activeId === id ? BUNDLED_CONNECTION_ID : store.activeId,
  })
}

export function newConnectionId(): string {
  // Not crypto.randomUUID: a console served over plain http by name is not a secure context.
  return `connection-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useConnection(): Connection {
  return useSyncExternalStore(subscribe, getConnection)
}

export function useConnections(): Connection[] {
  return useSyncExternalStore(subscribe, getConnections)
}

/**
 * `host:8283`, `http://host:8283/` and `http://host:8283/v1` all name the server at
 * http://host:8283: an address typed without a scheme is taken as http.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '').replace(/\/v1$/, '')
  if (!trimmed) return ''
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(normalizeBaseUrl(baseUrl)).host
  } catch {
    return baseUrl
  }
}

/** Where this console was loaded from, with any `--base-path` prefix (from the page's `<base href>`). */
export function bundledServerUrl(): string {
  return new URL('.', document.baseURI).href.replace(/\/+$/, '')
}

/** The address requests go to: the connection's server, or the one that served this console. */
export function serverUrl(connection: Connection): string {
  return connection.baseUrl || bundledServerUrl()
}

/** What every request to the connection's server carries. */
export function requestHeaders(connection: Pick<Connection, 'password' | 'projectId'>) {
  const headers: Record<string, string> = {}
  if (connection.password) headers.Authorization = `Bearer ${connection.password}`
  if (connection.projectId) headers['X-Project-Id'] = connection.projectId
  return headers
}
