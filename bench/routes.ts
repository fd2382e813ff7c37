/**
 * The first visit to every route without a path parameter, cold cache, in headless Chromium against the built
 * console (dist/) on the bundled server: JavaScript and CSS as sent, script requests, and time
 * until the main content shows. Exits non-zero when a page is over the budget.
 * Run alone with `npx tsx bench/routes.ts` after `npm run build`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from '@playwright/test'

import playwrightConfig from '../playwright.config.ts'
import { consoleBuildIsStale, PROJECT_ROOT } from '../scripts/build-if-stale.ts'
import { CHROMIUM_PATH } from '../scripts/ensure-chromium.ts'
import {
  kb,
  measurePageWeight,
  overBudget,
  PAGE_BUDGET,
  topLevelRoutes,
  type PageWeight,
} from './page-weight.ts'
import { serveBenchApp } from './support.ts'

const LOADS = 3

export async function benchRoutes(): Promise<void> {
  const staticDir = join(PROJECT_ROOT, 'dist')
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('The console is not built: run `npm run build` first (this measures dist/).')
    process.exitCode = 1
    return
  }
  if (consoleBuildIsStale()) {
    console.warn('dist/ is older than the sources: these figures are for the last build.')
  }
  const { url, close } = await serveBenchApp('routes', { staticDir })
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: playwrightConfig.use?.launchOptions?.args ?? [],
    })
    // One load first, unmeasured, so the server's first-request costs are not counted.
    await measurePageWeight(browser, url, '/')
    const results: PageWeight[] = []
    for (const path of topLevelRoutes()) {
      const loads: PageWeight[] = []
      for (let load = 0; load < LOADS; load += 1)
        loads.push(await measurePageWeight(browser, url, path))
      const times = loads.map((weight) => weight.mainContentMs).sort((a, b) => a - b)
      // Bytes and requests are the same on every load; the time is the median.
      const [first] = loads
      if (first) results.push({ ...first, mainContentMs: times[Math.floor(times.length / 2)] ?? 0 })
    }
    printTable(results)
    const problems = results.flatMap(overBudget)
    if (problems.length) {
      console.error(`\nOver the budget:\n  ${problems.join('\n  ')}`)
      process.exitCode = 1
    }
  } finally {
    await browser?.close()
    await close()
  }
}

function printTable(results: PageWeight[]): void {
  const width = Math.max(5, ...results.map((result) => result.path.length))
  console.log(
    `\nFirst visit, empty cache (median of ${LOADS} loads; budget ${kb(PAGE_BUDGET.scriptBytes)} of JS, ${PAGE_BUDGET.scriptRequests} scripts)`,
  )
  console.log(
    `${'route'.padEnd(width)}  ${'JS as sent'.padStart(11)}  ${'scripts'.padStart(7)}  ${'CSS as sent'.padStart(11)}  ${'main content'.padStart(12)}`,
  )
  for (const result of results) {
    console.log(
      `${result.path.padEnd(width)}  ${kb(result.scriptBytes).padStart(11)}  ${String(result.scriptRequests).padStart(7)}  ${kb(result.styleBytes).padStart(11)}  ${`${result.mainContentMs.toFixed(0)} ms`.padStart(12)}`,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRoutes()
}
