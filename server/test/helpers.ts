import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterEach } from 'vitest'

import { createApp, type LettaAdminApp } from '../app.ts'
import { defaultAppConfig, type AppConfig } from '../config.ts'

const openApps: LettaAdminApp[] = []

afterEach(async () => {
  await Promise.all(openApps.splice(0).map((server) => server.close()))
})

/** A fresh in-memory server per test; closed after the test. */
export function createTestApp(overrides: Partial<AppConfig> = {}): LettaAdminApp {
  const server = createApp(defaultAppConfig(overrides))
  openApps.push(server)
  return server
}

export async function json<T = unknown>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T
}

/** Serves an app on a free loopback port, for tests that must go over real HTTP. */
export async function listen(
  server: LettaAdminApp,
): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const listener = serve(
      { fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => listener.close(() => done())),
        })
      },
    )
  })
}
