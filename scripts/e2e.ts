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
if (consoleBuildIsStale()) await buildConsole()

const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-e2e-'))
const port = await freePort()
const result = spawnSync(
  process.execPath,
  [join(PROJECT_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
  {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir },
  },
)
rmSync(dataDir, { recursive: true, force: true })
process.exit(result.status ?? 1)
