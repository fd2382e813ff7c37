/**
 * Regenerates the README's screenshots: a real bundled server with a few tools and a source,
 * the built console, and headless Chromium. Run with `npx tsx scripts/screenshot.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { chromium } from '@playwright/test'

import playwrightConfig from '../playwright.config.ts'
import { createApp } from '../server/app.ts'
import { defaultAppConfig } from '../server/config.ts'
import { buildConsole, consoleBuildIsStale, PROJECT_ROOT } from './build-if-stale.ts'
import { CHROMIUM_PATH, ensureChromium } from './ensure-chromium.ts'

const TOOLS = [
  [
    'get_weather',
    'city: str, units: str = "metric"',
    'Look up the current weather for a city.',
    ['web'],
  ],
  [
    'search_docs',
    'query: str, limit: int = 5',
    'Search the product documentation.',
    ['search', 'docs'],
  ],
  ['create_ticket', 'title: str, priority: int', 'Open a support ticket.', ['support']],
  [
    'convert_currency',
    'amount: float, to: str',
    'Convert an amount between currencies.',
    ['finance'],
  ],
] as const

function toolSource(name: string, signature: string, summary: string): string {
  const params = signature.split(', ').map((part) => part.split(':')[0]?.trim() ?? '')
  return [
    `def ${name}(${signature}) -> str:`,
    `    """${summary}`,
    '',
    '    Args:',
    ...params.map((param) => `        ${param}: The ${param.replace('_', ' ')}.`),
    '    """',
    `    return f"${name} done"`,
    '',
  ].join('\n')
}

ensureChromium()
if (consoleBuildIsStale()) await buildConsole()

const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-screenshot-'))
const server = createApp(defaultAppConfig({ dataDir, staticDir: join(PROJECT_ROOT, 'dist') }))
const url = await new Promise<string>((resolve) => {
  const listener = serve({ fetch: server.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
    resolve(`http://127.0.0.1:${(info as AddressInfo).port}`),
  )
  process.on('exit', () => listener.close())
})

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { id: string }
}

for (const [name, signature, summary, tags] of TOOLS) {
  await post('/v1/tools', { source_code: toolSource(name, signature, summary), tags })
}
const source = await post('/v1/sources', {
  name: 'Product handbook',
  description: 'Guides and reports the support agent searches',
})
for (const fixture of ['orchard.pdf', 'guide.md', 'quarterly-notes.docx']) {
  const form = new FormData()
  form.append(
    'file',
    new Blob([readFileSync(join(PROJECT_ROOT, 'server/test/fixtures', fixture))]),
    fixture,
  )
  const response = await fetch(`${url}/v1/sources/${source.id}/upload`, {
    method: 'POST',
    body: form,
  })
  if (!response.ok) throw new Error(`upload ${fixture}: ${response.status}`)
}
await new Promise((resolve) => setTimeout(resolve, 2000))

const docs = join(PROJECT_ROOT, 'docs')
mkdirSync(docs, { recursive: true })
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: playwrightConfig.use?.launchOptions?.args ?? [],
})
for (const [path, file, colorScheme] of [
  ['/tools', 'screenshot-tools.png', 'light'],
  [`/sources/${source.id}`, 'screenshot-source.png', 'dark'],
] as const) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme })
  await page.goto(`${url}${path}`)
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(docs, file) })
  await page.close()
  console.log(`Wrote docs/${file}`)
}
await browser.close()
await server.close()
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
