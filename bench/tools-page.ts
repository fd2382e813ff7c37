/**
 * The /tools page at 10,000 tools: the built console (dist/) served by a real server on a loopback
 * port, seeded over HTTP, loaded in Chromium; reports the time from navigation start until the
 * first rows are on screen, and how many rows the DOM holds after scrolling through 1,000.
 * Run alone with `npx tsx bench/tools-page.ts` after `npm run build`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from '@playwright/test'

import playwrightConfig from '../playwright.config.ts'
import { consoleBuildIsStale, PROJECT_ROOT } from '../scripts/build-if-stale.ts'
import { CHROMIUM_PATH } from '../scripts/ensure-chromium.ts'
import { seedTools } from './seed-tools.ts'
import { serveBenchApp } from './support.ts'

const TOOL_COUNT = 10_000
const LOADS = 5
const SCROLLED_ROWS = 1_000
const ROW = '[data-tool-row]'

/**
 * Runs in the page before its own scripts: stores performance.now() (ms since navigation start)
 * at the first frame that shows a row. Text, because this file is compiled without DOM types.
 */
const WATCH_FOR_FIRST_ROW = `
  const observer = new MutationObserver(() => {
    if (!document.querySelector('${ROW}')) return
    observer.disconnect()
    requestAnimationFrame(() => { window.firstRowsAt = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true })
`
const LAST_ROW_INDEX = `Math.max(...[...document.querySelectorAll('${ROW}')].map((row) => Number(row.dataset.index)))`

export async function benchToolsPage(): Promise<void> {
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

  const { url, close } = await serveBenchApp('tools-page', { staticDir })
  let browser: Browser | undefined
  try {
    const seedStart = performance.now()
    await seedTools(url, TOOL_COUNT)
    console.log(
      `Seeded ${TOOL_COUNT} tools in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    )
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: playwrightConfig.use?.launchOptions?.args ?? [],
    })

    const cold: number[] = []
    const warm: number[] = []
    // One load first, unmeasured, so the server's first-request costs are not counted.
    await firstRowsAfterLoad(browser, url, 'cold')
    for (let load = 0; load < LOADS; load += 1) {
      cold.push(await firstRowsAfterLoad(browser, url, 'cold'))
      warm.push(await firstRowsAfterLoad(browser, url, 'warm'))
    }
    const domRows = await rowsInDomAfterScrolling(browser, url)

    console.log(`\n/tools with ${TOOL_COUNT} tools, ${LOADS} loads each (ms from navigation start)`)
    console.log(`first rows visible, empty cache    median ${median(cold).toFixed(0).padStart(5)}`)
    console.log(`first rows visible, cached assets  median ${median(warm).toFixed(0).padStart(5)}`)
    console.log(`  cold: ${cold.map((ms) => ms.toFixed(0)).join(', ')}`)
    console.log(`  warm: ${warm.map((ms) => ms.toFixed(0)).join(', ')}`)
    console.log(`rows in the DOM after scrolling through ${domRows.loaded} tools: ${domRows.inDom}`)
  } finally {
    await browser?.close()
    await close()
  }
}

/** 'cold' uses a fresh browser context; 'warm' loads once to fill the cache, then measures. */
async function firstRowsAfterLoad(
  browser: Browser,
  url: string,
  cache: 'cold' | 'warm',
): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    // The console's CSP forbids eval, which Playwright's waitForFunction polling uses.
    bypassCSP: true,
  })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: WATCH_FOR_FIRST_ROW })
    if (cache === 'warm') {
      await page.goto(`${url}/tools`)
      await page.locator(ROW).first().waitFor()
    }
    await page.goto(`${url}/tools`)
    await page.locator(ROW).first().waitFor()
    await page.waitForFunction('window.firstRowsAt !== undefined')
    return await page.evaluate<number>('window.firstRowsAt')
  } finally {
    await context.close()
  }
}

/** Scrolls until SCROLLED_ROWS tools are loaded; virtualised, the DOM keeps about a screenful. */
async function rowsInDomAfterScrolling(
  browser: Browser,
  url: string,
): Promise<{ loaded: number; inDom: number }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    // The console's CSP forbids eval, which Playwright's waitForFunction polling uses.
    bypassCSP: true,
  })
  try {
    const page = await context.newPage()
    await page.goto(`${url}/tools`)
    await page.locator(ROW).first().waitFor()
    const lastIndex = () => page.evaluate<number>(LAST_ROW_INDEX)
    while ((await lastIndex()) < SCROLLED_ROWS - 1) {
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)')
      await page.waitForTimeout(50)
    }
    return { loaded: (await lastIndex()) + 1, inDom: await page.locator(ROW).count() }
  } finally {
    await context.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchToolsPage()
}
