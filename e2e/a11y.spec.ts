import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { expectAccessibleInBothThemes, summarizeFindings } from './support/axe'

/** What the scanned states need on the server, created once through the API. */
interface Seed {
  toolId: string
  toolName: string
  sourceId: string
  emptySourceId: string
  jobId: string
  agentId: string
  agentName: string
  runId: string
  templateName: string
}

interface RouteState {
  /** Shown in failures and in the summary. */
  name: string
  path: (seed: Seed) => string
  /** Brings the page to the state, after it loaded; ends when the state is on screen. */
  reach: (page: Page, seed: Seed) => Promise<void>
  viewport?: { width: number; height: number }
  /** Points the console at a server that does not answer. */
  unreachable?: boolean
}

const heading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()

// The console's Content-Security-Policy allows no inline script, and axe is injected as one.
test.use({ bypassCSP: true })

/** Every route and its main states: a new page adds its lines here. */
const ROUTE_STATES: RouteState[] = [
  { name: 'overview', path: () => '/', reach: (page) => heading(page, 'Overview') },
  {
    name: 'command palette open',
    path: () => '/',
    reach: async (page) => {
      await heading(page, 'Overview')
      await page.keyboard.press('Control+k')
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
    },
  },
  {
    name: 'navigation drawer open at phone width',
    path: () => '/',
    viewport: { width: 390, height: 844 },
    reach: async (page) => {
      await heading(page, 'Overview')
      await page.getByRole('button', { name: 'Open navigation' }).click()
      await expect(page.getByRole('dialog', { name: 'Navigation' })).toBeVisible()
    },
  },
  {
    name: 'tools loaded',
    path: () => '/tools',
    reach: (page, seed) => expect(page.getByRole('link', { name: seed.toolName })).toBeVisible(),
  },
  {
    name: 'tools at phone width',
    path: () => '/tools',
    viewport: { width: 390, height: 844 },
    reach: (page, seed) => expect(page.getByRole('link', { name: seed.toolName })).toBeVisible(),
  },
  {
    name: 'tools, nothing matches',
    path: () => '/tools?search=no-tool-has-this-name',
    reach: (page) => expect(page.getByRole('heading', { name: 'No tools match' })).toBeVisible(),
  },
  {
    name: 'new tool dialog',
    path: () => '/tools',
    reach: async (page) => {
      await heading(page, 'Tools')
      await page.getByRole('button', { name: 'New tool' }).first().click()
      await expect(page.getByRole('dialog', { name: 'New tool' })).toBeVisible()
    },
  },
  {
    name: 'tool editor',
    path: (seed) => `/tools/${seed.toolId}`,
    reach: async (page, seed) => {
      await heading(page, seed.toolName)
      await expect(page.locator('.monaco-editor .view-lines')).toBeVisible()
      await expect(page.getByRole('region', { name: 'JSON schema' })).toBeVisible()
    },
  },
  {
    name: 'tool run result',
    path: (seed) => `/tools/${seed.toolId}`,
    reach: async (page, seed) => {
      await heading(page, seed.toolName)
      await page.getByRole('tab', { name: 'Run' }).click()
      const form = page.getByRole('form', { name: 'Run the tool' })
      await form.getByRole('textbox', { name: /^text/ }).fill('hello')
      await form.getByRole('button', { name: 'Run' }).click()
      await expect(page.getByRole('region', { name: 'Run result' })).toContainText('HELLO')
    },
  },
  {
    name: 'tool delete confirmation',
    path: (seed) => `/tools/${seed.toolId}`,
    reach: async (page, seed) => {
      await heading(page, seed.toolName)
      await page.getByRole('button', { name: 'Delete' }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
    },
  },
  {
    name: 'tool not found',
    path: () => '/tools/tool-00000000-0000-4000-8000-000000000000',
    reach: (page) => heading(page, 'Tool not found'),
  },
  {
    name: 'sources loaded',
    path: () => '/sources',
    reach: (page) => heading(page, 'Sources'),
  },
  {
    name: 'new source dialog',
    path: () => '/sources',
    reach: async (page) => {
      await heading(page, 'Sources')
      await page.getByRole('button', { name: 'New source' }).first().click()
      await expect(page.getByRole('dialog', { name: 'New source' })).toBeVisible()
    },
  },
  {
    name: 'source with a processed file',
    path: (seed) => `/sources/${seed.sourceId}`,
    reach: (page) => expect(page.getByRole('table', { name: 'Files' })).toContainText('completed'),
  },
  {
    name: 'source files at phone width',
    path: (seed) => `/sources/${seed.sourceId}`,
    viewport: { width: 390, height: 844 },
    reach: (page) => expect(page.getByRole('table', { name: 'Files' })).toContainText('completed'),
  },
  {
    name: 'source passages',
    path: (seed) => `/sources/${seed.sourceId}?tab=passages`,
    reach: (page) =>
      expect(
        page.getByRole('list', { name: 'Passages' }).getByTestId('passage').first(),
      ).toBeVisible(),
  },
  {
    name: 'source passages, nothing matches',
    path: (seed) => `/sources/${seed.sourceId}?tab=passages&q=no-passage-says-this`,
    reach: (page) => expect(page.getByText(/No passage contains/)).toBeVisible(),
  },
  {
    name: 'source passages by meaning',
    path: (seed) => `/sources/${seed.sourceId}?tab=passages&mode=meaning&q=harbour%20lanterns`,
    reach: (page) => expect(page.getByTestId('passage-score').first()).toBeVisible(),
  },
  {
    name: 'empty source',
    path: (seed) => `/sources/${seed.emptySourceId}`,
    reach: (page) =>
      expect(page.getByRole('button', { name: 'Upload files' }).first()).toBeVisible(),
  },
  {
    name: 'source delete confirmation',
    path: (seed) => `/sources/${seed.sourceId}`,
    reach: async (page) => {
      await page.getByRole('button', { name: 'Delete', exact: true }).click()
      await expect(page.getByRole('alertdialog')).toContainText('passage')
    },
  },
  {
    name: 'jobs loaded',
    path: () => '/jobs',
    reach: (page) => expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible(),
  },
  {
    name: 'jobs at phone width',
    path: () => '/jobs',
    viewport: { width: 390, height: 844 },
    reach: (page) => expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible(),
  },
  {
    name: 'jobs, nothing matches',
    path: () => '/jobs?status=expired',
    reach: (page) => heading(page, 'Jobs'),
  },
  {
    name: 'job detail',
    path: (seed) => `/jobs/${seed.jobId}`,
    reach: (page) => expect(page.getByText('completed').first()).toBeVisible(),
  },
  {
    name: 'job not found',
    path: () => '/jobs/job-00000000-0000-4000-8000-000000000000',
    reach: (page) => heading(page, 'Job not found'),
  },
  {
    name: 'agents loaded',
    path: () => '/agents',
    reach: (page, seed) => expect(page.getByRole('link', { name: seed.agentName })).toBeVisible(),
  },
  {
    name: 'new agent dialog',
    path: () => '/agents',
    reach: async (page) => {
      await heading(page, 'Agents')
      await page.getByRole('button', { name: 'New agent' }).first().click()
      await expect(page.getByRole('dialog', { name: 'New agent' })).toBeVisible()
    },
  },
  {
    name: 'agent with a conversation',
    path: (seed) => `/agents/${seed.agentId}`,
    reach: async (page, seed) => {
      await heading(page, seed.agentName)
      await expect(page.getByText(/Hello from the accessibility scan/).first()).toBeVisible()
    },
  },
  {
    name: 'runs loaded',
    path: () => '/runs',
    reach: (page) => heading(page, 'Runs'),
  },
  {
    name: 'run with its steps and transcript',
    path: (seed) => `/runs/${seed.runId}`,
    reach: async (page, seed) => {
      await heading(page, seed.runId)
      await expect(page.getByText(/Hello from the accessibility scan/).first()).toBeVisible()
    },
  },
  {
    name: 'usage over the last 30 days',
    path: () => '/usage',
    reach: (page) => heading(page, 'Usage'),
  },
  {
    name: 'templates loaded',
    path: () => '/templates',
    reach: (page, seed) =>
      expect(page.getByRole('link', { name: seed.templateName }).first()).toBeVisible(),
  },
  {
    name: 'template page',
    path: (seed) => `/templates/${seed.templateName}`,
    reach: (page, seed) => heading(page, seed.templateName),
  },
  {
    name: 'batches',
    path: () => '/batches',
    reach: (page) => heading(page, 'Batches'),
  },
  {
    name: 'new batch dialog',
    path: () => '/batches',
    reach: async (page) => {
      await heading(page, 'Batches')
      await page.getByRole('button', { name: 'New batch' }).first().click()
      await expect(page.getByRole('dialog', { name: 'New batch' })).toBeVisible()
    },
  },
  {
    name: 'connection settings',
    path: () => '/settings/connection',
    reach: (page) => heading(page, 'Connection'),
  },
  {
    name: 'page not found',
    path: () => '/no-such-page',
    reach: (page) => heading(page, 'Page not found'),
  },
  {
    name: 'server unreachable',
    path: () => '/tools',
    unreachable: true,
    reach: (page) => expect(page.getByRole('alert')).toContainText('Cannot reach the server'),
  },
]

const TOOL_SOURCE = (name: string) =>
  [
    `def ${name}(text: str) -> str:`,
    '    """',
    '    Shout the text back.',
    '',
    '    Args:',
    '        text (str): What to shout.',
    '',
    '    Returns:',
    '        str: The text in capitals.',
    '    """',
    '    return text.upper()',
    '',
  ].join('\n')

let seeded: Promise<Seed> | undefined
// A failed test restarts the worker; the seed outlives it so the data is made once a run.
const SEED_FILE = 'test-results/axe-seed.json'

async function loadOrCreateSeed(request: APIRequestContext): Promise<Seed> {
  if (existsSync(SEED_FILE)) return JSON.parse(readFileSync(SEED_FILE, 'utf8')) as Seed
  const seed = await createSeed(request)
  writeFileSync(SEED_FILE, JSON.stringify(seed))
  return seed
}

async function createSeed(request: APIRequestContext): Promise<Seed> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const toolName = `axe_shout_${stamp}`
  const tool = await request.post('/v1/tools', { data: { source_code: TOOL_SOURCE(toolName) } })
  expect(tool.ok(), await tool.text()).toBe(true)
  const source = await request.post('/v1/sources', { data: { name: `axe-source-${stamp}` } })
  const empty = await request.post('/v1/sources', { data: { name: `axe-empty-${stamp}` } })
  expect(source.ok() && empty.ok()).toBe(true)
  const sourceId = ((await source.json()) as { id: string }).id
  const text = Array.from(
    { length: 40 },
    (_, line) => `Line ${line} of the scanned notes mentions harbours and lanterns.`,
  ).join('\n')
  const upload = await request.post(`/v1/sources/${sourceId}/upload`, {
    multipart: { file: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) } },
  })
  expect(upload.ok(), await upload.text()).toBe(true)
  const jobId = ((await upload.json()) as { id: string }).id
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/v1/jobs/${jobId}`)).json()) as { status: string }).status,
    )
    .toBe('completed')
  const agentName = `axe-agent-${stamp}`
  const agent = await request.post('/v1/agents', {
    data: { name: agentName, memory_blocks: [{ label: 'human', value: 'Name: {{who}}' }] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const agentId = ((await agent.json()) as { id: string }).id
  // The e2e server's scripted provider answers, so the agent has a run and a transcript.
  const reply = await request.post(`/v1/agents/${agentId}/messages`, {
    data: { messages: [{ role: 'user', content: 'Hello from the accessibility scan' }] },
  })
  expect(reply.ok(), await reply.text()).toBe(true)
  const runs = await request.get(`/v1/runs/?agent_id=${agentId}`)
  const runId = ((await runs.json()) as { id: string }[])[0]?.id ?? ''
  const template = await request.post(`/v1/agents/${agentId}/template`, { data: {} })
  expect(template.ok(), await template.text()).toBe(true)
  return {
    agentId,
    agentName,
    runId,
    templateName: ((await template.json()) as { templateName: string }).templateName,
    toolId: ((await tool.json()) as { id: string }).id,
    toolName,
    sourceId,
    emptySourceId: ((await empty.json()) as { id: string }).id,
    jobId,
  }
}

for (const state of ROUTE_STATES) {
  test(`axe: ${state.name}`, async ({ page, request }, testInfo) => {
    seeded ??= loadOrCreateSeed(request)
    const seed = await seeded
    if (state.viewport) await page.setViewportSize(state.viewport)
    if (state.unreachable) {
      // Port 9 on loopback: nothing listens there, so every request is refused at once.
      await page.addInitScript(
        `localStorage.setItem('letta-admin.connection', ${JSON.stringify(JSON.stringify({ baseUrl: 'http://127.0.0.1:9', password: '' }))})`,
      )
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
    await page.goto(state.path(seed))
    await state.reach(page, seed)
    await expectAccessibleInBothThemes(page, state.name, testInfo)
  })
}

test.afterAll(() => {
  console.log(`axe summary: ${JSON.stringify(summarizeFindings())}`)
})
