/**
 * The /usage page over 100,000 steps: the built console (dist/) served by a real server on a loopback
 * port, the steps written into its database over the last 30 days, loaded in Chromium at
 * "Last 30 days"; reports the time from navigation start until all three charts have drawn their bars.
 * Run alone with `npx tsx bench/usage-page.ts` after `npm run build`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from '@playwright/test'

import playwrightConfig from '../playwright.config.ts'
import { consoleBuildIsStale, PROJECT_ROOT } from '../scripts/build-if-stale.ts'
import { CHROMIUM_PATH } from '../scripts/ensure-chromium.ts'
import { insertSteps } from '../server/test/usage-steps.ts'
import { serveBenchApp } from './support.ts'
import { benchSteps, USAGE_STEP_COUNT } from './usage-api.ts'

const LOADS = 5
const CHARTS = 3

/**
 * Runs in the page before its own scripts: stores performance.now() at the first frame in which
 * every chart has bars. Text, because this file is compiled without DOM types.
 */
const WATCH_FOR_CHARTS = `
  const drawn = () => [...document.querySelectorAll('[role=figure]')]
    .filter((figure) => figure.querySelector('[data-slot=bar-group]')).length >= ${CHARTS}
  const observer = new MutationObserver(() => {
    if (!drawn()) return
    observer.disconnect()
    requestAnimationFrame(() => { window.chartsDrawnAt = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true })
`

export async function benchUsagePage(): Promise<void> {
  const staticDir = join(PROJECT_ROOT, 'dist')
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('The console is not built: run `npm run build` first (this measures dist/).')
    process.exitCode = 1
    return
  }
  if (consoleBuildIsStale()) {
    console.warn('dist/ is older than the sources: these figures are for the last build.')
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium`)
    process.exitCode = 1
    return
  }

  const { url, server, close } = await serveBenchApp('usage-page', { staticDir })
  let browser: Browser | undefined
  try {
    insertSteps(server.db, benchSteps())
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: playwrightConfig.use?.launchOptions?.args ?? [],
    })
    const timings: number[] = []
    // One load first, unmeasured, so the server's first-request costs are not counted.
    await chartsDrawnAfterLoad(browser, url)
    for (let load = 0; load < LOADS; load += 1)
      timings.push(await chartsDrawnAfterLoad(browser, url))
    const sorted = [...timings].sort((a, b) => a - b)
    console.log(
      `\n/usage?range=30d over ${USAGE_STEP_COUNT} steps, ${LOADS} loads, empty cache (ms from navigation start)`,
    )
    console.log(
      `all ${CHARTS} charts drawn   median ${(sorted[Math.floor(LOADS / 2)] ?? 0).toFixed(0)}`,
    )
    console.log(`  ${timings.map((ms) => ms.toFixed(0)).join(', ')}`)
  } finally {
    await browser?.close()
    await close()
  }
}

async function chartsDrawnAfterLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    // The console's CSP forbids eval, which Playwright's waitForFunction polling uses.
    bypassCSP: true,
  })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: WATCH_FOR_CHARTS })
    await page.goto(`${url}/usage?range=30d&group=model`)
    await page.waitForFunction('window.chartsDrawnAt !== undefined', undefined, {
      timeout: 120_000,
    })
    return await page.evaluate<number>('window.chartsDrawnAt')
  } finally {
    await context.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchUsagePage()
}
