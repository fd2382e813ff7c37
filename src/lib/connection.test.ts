import { afterEach, describe, expect, it } from 'vitest'

import {
  activateConnection,
  BUNDLED_CONNECTION_ID,
  CONNECTION_LIMITS,
  getConnection,
  getConnections,
  normalizeBaseUrl,
  readStore,
  removeConnection,
  requestHeaders,
  saveConnection,
  serverUrl,
  setConnection,
  type Connection,
} from './connection'

const direct = (overrides: Partial<Connection> = {}): Connection => ({
  id: 'connection-test-1',
  kind: 'direct',
  name: 'Staging',
  baseUrl: 'http://letta.test:8283',
  password: 'secret',
  projectId: 'project-1',
  ...overrides,
})

afterEach(() => {
  for (const connection of getConnections()) removeConnection(connection.id)
  activateConnection(BUNDLED_CONNECTION_ID)
  setConnection({ password: '' })
})

describe('normalizeBaseUrl', () => {
  it('takes an address without a scheme as http:// and drops a trailing /v1', () => {
    expect(normalizeBaseUrl('letta.test:8283')).toBe('http://letta.test:8283')
    expect(normalizeBaseUrl(' https://api.letta.com/v1/ ')).toBe('https://api.letta.com')
    expect(normalizeBaseUrl('http://proxy.test/letta')).toBe('http://proxy.test/letta')
    expect(normalizeBaseUrl('')).toBe('')
  })
})

describe('saved connections', () => {
  it('always has the bundled server, active by default, at the page’s own address', () => {
    expect(getConnection()).toMatchObject({ id: BUNDLED_CONNECTION_ID, kind: 'bundled' })
    expect(serverUrl(getConnection())).toBe(window.location.origin)
    removeConnection(BUNDLED_CONNECTION_ID)
    expect(getConnections().map((connection) => connection.id)).toContain(BUNDLED_CONNECTION_ID)
  })

  it('saves, activates and survives a reload; removing the active one goes back to bundled', () => {
    const saved = saveConnection(direct({ baseUrl: 'letta.test:8283/v1', name: '  ' }))
    expect(saved).toMatchObject({ baseUrl: 'http://letta.test:8283', name: 'letta.test:8283' })
    activateConnection(saved.id)
    expect(readStore()).toMatchObject({ activeId: saved.id })
    expect(readStore().connections.find((each) => each.id === saved.id)).toEqual(saved)
    expect(requestHeaders(getConnection())).toEqual({
      Authorization: 'Bearer secret',
      'X-Project-Id': 'project-1',
    })

    removeConnection(saved.id)
    expect(getConnection().id).toBe(BUNDLED_CONNECTION_ID)
    expect(readStore().connections.map((each) => each.id)).toEqual([BUNDLED_CONNECTION_ID])
  })

  it('keeps no project id for a proxied connection, which holds no upstream secret', () => {
    const saved = saveConnection(direct({ id: 'proxied-1', kind: 'proxied' }))
    expect(saved.projectId).toBe('')
  })

  it('bounds every field and the number of connections', () => {
    const long = saveConnection(direct({ name: 'n'.repeat(500) }))
    expect(long.name).toHaveLength(CONNECTION_LIMITS.name)
    for (let index = getConnections().length; index < CONNECTION_LIMITS.connections; index++) {
      saveConnection(direct({ id: `connection-fill-${index}` }))
    }
    expect(() => saveConnection(direct({ id: 'one-too-many' }))).toThrow(/At most 50/)
  })

  it('carries a connection saved by an older console over, and ignores a damaged store', () => {
    localStorage.setItem(
      'letta-admin.connection',
      JSON.stringify({ baseUrl: 'http://old.test', password: 'pw' }),
    )
    const carried = readStore()
    const active = carried.connections.find((each) => each.id === carried.activeId)
    expect(active).toMatchObject({ kind: 'direct', baseUrl: 'http://old.test', password: 'pw' })

    localStorage.setItem('letta-admin.connections', '{not json')
    expect(readStore()).toEqual({
      connections: [expect.objectContaining({ id: BUNDLED_CONNECTION_ID })],
      activeId: BUNDLED_CONNECTION_ID,
    })
    localStorage.setItem(
      'letta-admin.connections',
      JSON.stringify({
        connections: [
          { id: 'x', kind: 'evil', baseUrl: 'http://x' },
          { id: 'y', kind: 'direct' },
        ],
        activeId: 'x',
      }),
    )
    expect(readStore().activeId).toBe(BUNDLED_CONNECTION_ID)
    expect(readStore().connections).toHaveLength(1)
  })
})
