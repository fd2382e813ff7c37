import { defineConfig, devices } from '@playwright/test'

import { CHROMIUM_PATH } from './scripts/ensure-chromium.ts'

const port = Number(process.env.E2E_PORT ?? 8390)
const dataDir = process.env.E2E_DATA_DIR ?? '.letta-admin/e2e'
const staticDir = process.env.E2E_STATIC_DIR ?? 'dist'
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // The network here is closed: without these Chromium floods it with refused connections.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node --import tsx scripts/e2e-server.ts --port ${port} --data-dir ${dataDir} --static-dir ${staticDir}`,
    url: `${baseURL}/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
