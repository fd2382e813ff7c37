import { expect, test } from '@playwright/test'

import { startBundledServer } from './support/bundled-server'

test('the Connection page names a wrong password, then a stopped server', async ({
  page,
  baseURL,
}) => {
  const guarded = await startBundledServer([
    '--password',
    'correct horse',
    '--cors-origin',
    String(baseURL),
  ])
  try {
    await page.goto('/settings/connection')
    await page.getByLabel('Server address').fill(guarded.url)
    await page.getByLabel('Password or API key').fill('wrong password')
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByTestId('connection-result')).toHaveText(
      `401 Unauthorized: ${guarded.url} rejected the password.`,
    )

    await page.getByLabel('Password or API key').fill('')
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByTestId('connection-result')).toContainText('requires a password')

    await guarded.stop()
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByTestId('connection-result')).toContainText(
      `Could not reach ${guarded.url}: nothing answered`,
    )
  } finally {
    await guarded.stop()
  }
})

test('a server that is not Letta is named as such', async ({ page, baseURL }) => {
  await page.goto('/settings/connection')
  // The console's own origin plus a path prefix answers HTML for /v1-less paths: not a Letta API.
  await page.getByLabel('Server address').fill(`${baseURL}/settings`)
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByTestId('connection-result')).toContainText('is not a Letta server')
})

test('a server that refuses this origin is named as a CORS refusal, and a right password connects', async ({
  page,
  baseURL,
}) => {
  const closed = await startBundledServer()
  const open = await startBundledServer([
    '--password',
    'correct horse',
    '--cors-origin',
    String(baseURL),
  ])
  try {
    await page.goto('/settings/connection')
    await page.getByLabel('Server address').fill(closed.url)
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByTestId('connection-result')).toContainText(
      `${closed.url} is running but refused requests from ${baseURL} (CORS)`,
    )

    await page.getByLabel('Server address').fill(open.url)
    await page.getByLabel('Password or API key').fill('correct horse')
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByTestId('connection-result')).toContainText(`Connected to ${open.url}`)
  } finally {
    await closed.stop()
    await open.stop()
  }
})

test('pages say when the saved server has stopped, and lead back to the connection', async ({
  page,
  baseURL,
}) => {
  const other = await startBundledServer(['--cors-origin', String(baseURL)])
  try {
    await page.goto('/settings/connection')
    await page.getByLabel('Server address').fill(other.url)
    await page.getByRole('button', { name: 'Save and connect' }).click()
    await expect(page.getByTestId('server-status')).toContainText(other.url.replace('http://', ''))
    await expect(page.getByTestId('server-status')).toContainText('Healthy')

    await other.stop()
    await page.goto('/tools')
    await expect(page.getByRole('alert')).toContainText(`Cannot reach the server at ${other.url}`)
    await page.getByRole('link', { name: 'Connection settings' }).click()
    await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible()
  } finally {
    await other.stop()
  }
})
