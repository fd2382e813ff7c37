/**
 * What the first visit to one page costs on a cold cache: compressed JavaScript and CSS bytes as
 * transferred, script requests, and the time until the page's main content is on screen.
 * Shared by `npm run bench` (bench/routes.ts) and the budget check in e2e/budget.spec.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'

import { PROJECT_ROOT } from '../scripts/build-if-stale.ts'

/**
 * The budget for the first page of any route, cold cache: `npm run bench` fails above it, and so
 * does `npm test` (e2e/speed.spec.ts).
 */
export const PAGE_BUDGET = { scriptBytes: 120 * 1024, scriptRequests: 12 } as const

export interface PageWeight {
  path: string
  scriptBytes: number
  scriptRequests: number
  styleBytes: number
  styleRequests: number
  /** Milliseconds from navigation start until the heading shows and no skeleton is left. */
  mainContentMs: number
}

/**
 * Runs in the page before its own scripts: records performance.now() at the first frame whose
 * <main> has a heading and nothing still loading. Text, because this file has no DOM types.
 */
const WATCH_FOR_MAIN_CONTENT = `
  const ready = () => {
    const main = document.querySelector('main')
    return Boolean(main && main.querySelector('h1') &&
      !main.querySelector('[data-slot="skeleton"], [aria-busy="true"]'))
  }
  const observer = new MutationObserver(() => {
    if (!ready()) return
    observer.disconnect()
    requestAnimationFrame(() => { window.mainContentAt = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
`

/**
 * Every route of the app that takes no path parameter (/, /tools, /usage, ...), read from the
 * router's generated route tree, so a new page is measured as soon as its route file exists.
 */
export function topLevelRoutes(root = PROJECT_ROOT): string[] {
  const tree = readFileSync(join(root, 'src', 'routeTree.gen.ts'), 'utf8')
  const byTo = /export interface FileRoutesByTo \{([^}]*)\}/.exec(tree)?.[1] ?? ''
  const paths = [...byTo.matchAll(/^\s*'([^']+)':/gm)].map((match) => match[1] ?? '')
  return paths.filter((path) => path && !path.includes('$')).sort()
}

/** Loads `path` in a fresh browser context (empty cache) and adds up what came over the wire. */
export async function measurePageWeight(
  browser: Browser,
  baseUrl: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    // The console's CSP forbids eval, which Playwright's waitForFunction polling uses.
    bypassCSP: true,
  })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: WATCH_FOR_MAIN_CONTENT })
    const weight: PageWeight = {
      path,
      scriptBytes: 0,
      scriptRequests: 0,
      styleBytes: 0,
      styleRequests: 0,
      mainContentMs: Number.NaN,
    }
    const counted: Promise<void>[] = []
    page.on('requestfinished', (request) => {
      const type = request.resourceType()
      if (type !== 'script' && type !== 'stylesheet') return
      counted.push(
        request.sizes().then((sizes) => {
          // The body as sent: compressed when the server compressed it.
          if (type === 'script') {
            weight.scriptBytes += sizes.responseBodySize
            weight.scriptRequests += 1
          } else {
            weight.styleBytes += sizes.responseBodySize
            weight.styleRequests += 1
          }
        }),
      )
    })
    await page.goto(`${baseUrl}${path}`)
    await page.waitForFunction('window.mainContentAt !== undefined', undefined, {
      timeout: 30_000,
    })
    // Whatever the first page still fetches once settled (lazy chunks, preloads) counts too.
    await page.waitForLoadState('networkidle')
    await Promise.all(counted)
    weight.mainContentMs = await page.evaluate<number>('window.mainContentAt')
    return weight
  } finally {
    await context.close()
  }
}

/** Each line names what is over the budget; empty when the page is within it. */
export function overBudget(weight: PageWeight): string[] {
  const problems: string[] = []
  if (weight.scriptBytes > PAGE_BUDGET.scriptBytes)
    problems.push(
      `${weight.path}: ${kb(weight.scriptBytes)} of JavaScript (budget ${kb(PAGE_BUDGET.scriptBytes)})`,
    )
  if (weight.scriptRequests > PAGE_BUDGET.scriptRequests)
    problems.push(
      `${weight.path}: ${weight.scriptRequests} script requests (budget ${PAGE_BUDGET.scriptRequests})`,
    )
  return problems
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}
