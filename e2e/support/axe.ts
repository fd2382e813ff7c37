import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'

const require = createRequire(import.meta.url)
const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js')

/** WCAG 2.0-2.2 A and AA, plus axe's best practices (headings, landmarks, regions). */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

export type Theme = 'light' | 'dark'

export interface AxeFinding {
  state: string
  theme: Theme
  rule: string
  impact: string
  help: string
  targets: string[]
  details: string[]
}

interface AxeResult {
  violations: {
    id: string
    impact: string | null
    help: string
    nodes: { target: unknown[]; failureSummary?: string }[]
  }[]
}

/** Runs axe-core (injected from node_modules, nothing fetched) on the page as it is now. */
export async function scanPage(page: Page, state: string, theme: Theme): Promise<AxeFinding[]> {
  const injected = await page.evaluate(() => 'axe' in globalThis)
  if (!injected) await page.addScriptTag({ path: AXE_SOURCE_PATH })
  const result = await page.evaluate(async (tags) => {
    const browser = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<unknown> }
      document: unknown
    }
    return browser.axe.run(browser.document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
  }, RULE_TAGS)
  return (result as AxeResult).violations.map((violation) => ({
    state,
    theme,
    rule: violation.id,
    impact: violation.impact ?? 'minor',
    help: violation.help,
    details: violation.nodes.map((node) => node.failureSummary ?? ''),
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }))
}

/** Applies a colour scheme the console follows (its theme defaults to the system's). */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
  // Colours fade between themes: scan the settled page, not the middle of a transition.
  await page.waitForFunction(() =>
    (
      globalThis as unknown as {
        document: {
          getAnimations: () => {
            playState: string
            effect: { getTiming: () => { iterations: number } } | null
          }[]
        }
      }
    ).document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  )
}

/** Where every scan's findings are appended, one JSON line each, for the run's summary. */
export const FINDINGS_LOG = 'test-results/axe-findings.jsonl'

/** Scans the current page state in both themes; fails on any serious or critical finding. */
export async function expectAccessibleInBothThemes(
  page: Page,
  state: string,
  testInfo: TestInfo,
): Promise<void> {
  const findings: AxeFinding[] = []
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme)
    findings.push(...(await scanPage(page, state, theme)))
  }
  mkdirSync(dirname(FINDINGS_LOG), { recursive: true })
  appendFileSync(FINDINGS_LOG, `${JSON.stringify({ state, findings })}\n`)
  await testInfo.attach('axe-findings', {
    body: JSON.stringify(findings, null, 2),
    contentType: 'application/json',
  })
  const blocking = findings.filter((finding) => BLOCKING_IMPACTS.has(finding.impact))
  expect(
    blocking.map((finding) => `${finding.theme} ${finding.rule}: ${finding.targets.join(', ')}`),
    `${state}: serious or critical accessibility violations`,
  ).toEqual([])
}

/** States scanned so far in this run and their findings' nodes by impact. */
export function summarizeFindings(): {
  states: number
  scans: number
  nodesByImpact: Record<string, number>
  rules: string[]
} {
  if (!existsSync(FINDINGS_LOG)) return { states: 0, scans: 0, nodesByImpact: {}, rules: [] }
  const lines = readFileSync(FINDINGS_LOG, 'utf8').trim().split('\n')
  const entries = lines.map((line) => JSON.parse(line) as { state: string; findings: AxeFinding[] })
  const nodesByImpact: Record<string, number> = {}
  const rules = new Set<string>()
  for (const finding of entries.flatMap((entry) => entry.findings)) {
    nodesByImpact[finding.impact] = (nodesByImpact[finding.impact] ?? 0) + finding.targets.length
    rules.add(`${finding.impact} ${finding.rule}`)
  }
  return {
    states: entries.length,
    scans: entries.length * 2,
    nodesByImpact,
    rules: [...rules].sort(),
  }
}
