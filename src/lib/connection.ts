import { useSyncExternalStore } from 'react'

/** Which Letta server the console talks to. An empty baseUrl means the server that serves the console. */
export interface Connection {
  baseUrl: string
  password: string
}

const STORAGE_KEY = 'letta-admin.connection'
const listeners = new Set<() => void>()

function read(): Connection {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Connection>
    return {
      baseUrl: typeof parsed.baseUrl === 'string' ? parsed.baseUrl : '',
      password: typeof parsed.password === 'string' ? parsed.password : '',
    }
  } catch {
    return { baseUrl: '', password: '' }
  }
}

let current = read()

export function getConnection(): Connection {
  return current
}

export function setConnection(next: Connection): void {
  current = { baseUrl: normalizeBaseUrl(next.baseUrl), password: next.password }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(current))
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useConnection(): Connection {
  return useSyncExternalStore(subscribe, getConnection)
}

/** `http://host:8283/` and `http://host:8283/v1` both name the server at http://host:8283. */
export function normalizeBaseUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '')
  return trimmed.replace(/\/v1$/, '')
}

/** The origin requests go to: the configured server, or this page's own origin. */
export function serverOrigin(connection: Connection): string {
  return connection.baseUrl || window.location.origin
}

export function authHeaders(password: string): Record<string, string> {
  return password ? { Authorization: `Bearer ${password}` } : {}
}
