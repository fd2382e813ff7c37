import { afterEach } from 'vitest'

import { createApp, type LettaAdminApp } from '../app.ts'
import { defaultAppConfig, type AppConfig } from '../config.ts'
import { listenOnLoopback, type Listening } from './loopback.ts'

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
export function listen(server: LettaAdminApp): Promise<Listening> {
  return listenOnLoopback(server.fetch)
}
