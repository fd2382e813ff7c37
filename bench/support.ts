import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { createApp, type LettaAdminApp } from '../server/app.ts'
import { defaultAppConfig, type AppConfig } from '../server/config.ts'
import { listenOnLoopback } from '../server/test/loopback.ts'

export interface BenchApp {
  server: LettaAdminApp
  /** Closes the server and removes its data directory. */
  close: () => Promise<void>
}

/** An in-process server on a file-based database in a fresh temporary directory, as deployed. */
export function openBenchApp(name: string, overrides: Partial<AppConfig> = {}): BenchApp {
  const dataDir = mkdtempSync(join(tmpdir(), `letta-admin-bench-${name}-`))
  const server = createApp(defaultAppConfig({ ...overrides, dataDir }))
  return {
    server,
    close: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** openBenchApp, also listening on a free loopback port, for figures measured over real HTTP. */
export async function serveBenchApp(
  name: string,
  overrides: Partial<AppConfig> = {},
): Promise<BenchApp & { url: string }> {
  const bench = openBenchApp(name, overrides)
  const listening = await listenOnLoopback(bench.server.app.fetch)
  return {
    server: bench.server,
    url: listening.url,
    close: async () => {
      await listening.close()
      await bench.close()
    },
  }
}
