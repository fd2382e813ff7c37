import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'

import { startBundledServer } from './support/bundled-server'
import { startFoldersOnlyProxy } from './support/folders-only-proxy'

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`

async function addConnection(
  page: Page,
  { name, url, proxied = false }: { name: string; url: string; proxied?: boolean },
) {
  await page.goto('/settings/connection')
  await page.getByLabel('Name').fill(name)
  if (proxied) await page.getByRole('radio', { name: /Through a Letta Admin proxy/ }).check()
  await page.getByLabel('Server address').fill(url)
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByTestId('server-status')).toContainText(name)
  await expect(page.getByTestId('server-status')).toContainText('Healthy')
}

test('a password-guarded server reached through another bundled server’s --upstream is managed without the password ever reaching the browser', async ({
  page,
  baseURL,
}) => {
  const password = 'upstream secret 7f3a'
  const guarded = await startBundledServer(['--password', password])
  const proxy = await startBundledServer([
    '--upstream',
    guarded.url,
    '--upstream-key',
    password,
    '--cors-origin',
    String(baseURL),
  ])
  const sent: string[] = []
  page.on('request', (request) => {
    sent.push(
      [request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n'),
    )
  })
  try {
    await addConnection(page, { name: 'Guarded via proxy', url: proxy.url, proxied: true })

    const name = uniqueName('via-upstream')
    await page.getByRole('link', { name: 'Sources' }).click()
    await page.getByRole('button', { name: 'New source' }).click()
    const dialog = page.getByRole('dialog', { name: 'New source' })
    await dialog.getByLabel('Name').fill(name)
    await dialog.getByRole('button', { name: 'Create source' }).click()
    await expect(page.getByRole('heading', { name })).toBeVisible()

    // The source lives on the guarded server, which only the password opens.
    const listed = await fetch(`${guarded.url}/v1/sources`, {
      headers: { Authorization: `Bearer ${password}` },
    })
    expect(((await listed.json()) as { name: string }[]).map((source) => source.name)).toContain(
      name,
    )
    expect((await fetch(`${guarded.url}/v1/sources`)).status).toBe(401)

    expect(sent.some((request) => request.startsWith(proxy.url))).toBe(true)
    expect(sent.filter((request) => request.includes(password))).toEqual([])
    expect(sent.filter((request) => request.startsWith(guarded.url))).toEqual([])

    // The header switches back to the bundled server, whose sources do not include this one.
    await page.getByTestId('server-status').click()
    await page.getByRole('menuitemradio', { name: /Bundled server/ }).click()
    await expect(page.getByTestId('server-status')).toContainText('Bundled server')
    await page.reload()
    await expect(page.getByTestId('server-status')).toContainText('Bundled server')
    await page.goto('/sources')
    await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
    await expect(page.getByRole('link', { name })).toHaveCount(0)
  } finally {
    await proxy.stop()
    await guarded.stop()
  }
})

test('a server with folders but no sources or jobs takes uploads into a folder, shows processing from the file, and says what it lacks', async ({
  page,
  baseURL,
}) => {
  const backing = await startBundledServer()
  const proxy = await startFoldersOnlyProxy(backing.url, String(baseURL))
  try {
    await addConnection(page, { name: 'Letta with folders', url: proxy.url })
    const sidebar = page.getByRole('navigation', { name: 'Main' })
    await expect(sidebar.getByRole('link', { name: 'Sources' })).toBeVisible()
    await expect(sidebar.getByRole('link', { name: 'Jobs' })).toHaveCount(0)

    await page.getByRole('link', { name: 'Connection', exact: true }).click()
    await expect(page.getByTestId('capability-jobs')).toContainText('Not offered')
    await expect(page.getByTestId('capability-folders')).toContainText('Offered')

    await sidebar.getByRole('link', { name: 'Sources' }).click()
    const notes = page.getByTestId('capability-notes')
    await expect(notes).toContainText('Letta 0.9 renamed sources to folders')
    await expect(notes).toContainText('processing_status')

    const name = uniqueName('folder')
    await page.getByRole('button', { name: 'New source' }).click()
    const dialog = page.getByRole('dialog', { name: 'New source' })
    await dialog.getByLabel('Name').fill(name)
    await dialog.getByRole('button', { name: 'Create source' }).click()
    await expect(page.getByRole('heading', { name })).toBeVisible()

    const guide = readFileSync(
      fileURLToPath(new URL('../server/test/fixtures/guide.md', import.meta.url)),
    )
    await page.getByLabel('Choose files to upload').setInputFiles({
      name: 'guide.md',
      mimeType: 'text/markdown',
      buffer: guide,
    })
    const uploads = page.getByRole('region', { name: 'Uploads' })
    await expect(uploads.getByTestId('upload-row').filter({ hasText: 'guide.md' })).toHaveAttribute(
      'data-state',
      'completed',
    )
    const row = page.getByRole('table', { name: 'Files' }).getByTestId('file-row')
    await expect(row.getByText('completed')).toBeVisible()

    expect(
      proxy.requests.some((request) => /^POST \/v1\/folders\/[^/]+\/upload/.test(request)),
    ).toBe(true)
    // Jobs were asked about once, to detect them, and never again.
    expect(proxy.requests.filter((request) => / \/v1\/jobs/.test(request))).toEqual([
      'GET /v1/jobs/?limit=1',
    ])

    // A shared link to the jobs page says what is missing instead of failing.
    await page.goto('/jobs')
    await expect(
      page.getByRole('heading', { name: 'Letta with folders has no jobs' }),
    ).toBeVisible()
    await expect(page.getByText('Since Letta 0.8.7')).toBeVisible()
  } finally {
    await proxy.stop()
    await backing.stop()
  }
})

test('the console served under --base-path works from a deep link after a reload', async ({
  page,
}) => {
  const prefixed = await startBundledServer(['--base-path', '/letta-admin'], { withConsole: true })
  const apiCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/v1/')) apiCalls.push(new URL(request.url()).pathname)
  })
  try {
    await page.goto(`${prefixed.url}/letta-admin/tools`)
    await expect(page.getByRole('heading', { name: 'Tools', level: 1 })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Tools', level: 1 })).toBeVisible()

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sources' })
      .click()
    await expect(page).toHaveURL(`${prefixed.url}/letta-admin/sources`)
    await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
    await expect(page.getByTestId('server-status')).toContainText('Healthy')

    expect(apiCalls.length).toBeGreaterThan(0)
    expect(apiCalls.filter((path) => !path.startsWith('/letta-admin/v1/'))).toEqual([])
  } finally {
    await prefixed.stop()
  }
})
