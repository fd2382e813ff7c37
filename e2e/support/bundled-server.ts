import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { freePort } from '../../scripts/free-port.ts'

export interface BundledServer {
  url: string
  stop: () => Promise<void>
}

/**
 * A second, real bundled server for tests that need one with other settings, or one to stop.
 * `withConsole` serves the built console too (the build the main e2e server serves).
 */
export async function startBundledServer(
  extraArgs: string[] = [],
  { withConsole = false }: { withConsole?: boolean } = {},
): Promise<BundledServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-e2e-extra-'))
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      ...(withConsole ? ['--static-dir', process.env.E2E_STATIC_DIR ?? 'dist'] : ['--no-static']),
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The extra bundled server did not start on ${url}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
