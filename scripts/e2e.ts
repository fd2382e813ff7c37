/**
 * End-to-end tests: the production build served by the real bundled server on a free port with a
 * fresh data directory, driven by Playwright in headless Chromium. The server's LLM provider is the
 * scripted OpenAI-compatible one from the server tests, run here on loopback in its deterministic
 * default mode (a message naming a tool calls it; a tool result is quoted back), so agent pages can
 * be driven without reaching any real model.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startScriptedProvider } from '../server/test/support/scripted-provider.ts'
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
const provider = await startScriptedProvider()
// Spawned, not spawnSync: this process must stay free to answer the provider's requests.
const playwright = spawn(
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
      E2E_LLM_ENDPOINT: provider.url,
      E2E_LLM_MODEL: provider.model,
    },
  },
)
const status = await new Promise<number | null>((resolve) => playwright.on('exit', resolve))
await provider.close()
rmSync(dataDir, { recursive: true, force: true })
process.exit(status ?? 1)
