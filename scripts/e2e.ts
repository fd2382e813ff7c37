/**
 * End-to-end tests: the production build served by the real bundled server on a free port with a
 * fresh data directory, driven by Playwright in headless Chromium.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { buildConsole, consoleBuildIsStale, PROJECT_ROOT } from './build-if-stale.ts'
import { ensureChromium } from './ensure-chromium.ts'
import { freePort } from './free-port.ts'

ensureChromium()
const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-e2e-'))
// A stale dist/ is rebuilt into this run's own folder, so parallel runs never overwrite each other.
let staticDir = join(PROJECT_ROOT, 'dist')
if (consoleBuildIsStale()) {
  staticDir = join(dataDir, 'console')
  await buildConsole(PROJECT_ROOT, staticDir)
}
const port = await freePort()
const result = spawnSync(
  process.execPath,
  [join(PROJECT_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
  {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_DATA_DIR: join(dataDir, 'data'),
      E2E_STATIC_DIR: staticDir,
    },
  },
)
rmSync(dataDir, { recursive: true, force: true })
process.exit(result.status ?? 1)
