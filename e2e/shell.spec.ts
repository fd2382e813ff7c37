import { expect, test } from '@playwright/test'

test('the console loads and shows a healthy server', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()
  await expect(page.getByTestId('server-status')).toContainText('Healthy')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})

test('the theme switch is kept across a reload', async ({ page }) => {
  await page.goto('/')
  const html = page.locator('html')
  await page.getByRole('button', { name: 'Theme' }).click()
  await page.getByRole('menuitemradio', { name: 'Dark' }).click()
  await expect(html).toHaveClass(/dark/)
  await page.reload()
  await expect(html).toHaveClass(/dark/)

  await page.getByRole('button', { name: 'Theme' }).click()
  await page.getByRole('menuitemradio', { name: 'Light' }).click()
  await expect(html).not.toHaveClass(/dark/)
  await page.reload()
  await expect(html).not.toHaveClass(/dark/)
})

test('the command palette navigates with the keyboard alone', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog')
  await expect(palette).toBeVisible()
  await page.keyboard.type('connection')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/settings\/connection$/)
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible()
  await expect(palette).toBeHidden()
})

test('a deep link survives a reload', async ({ page }) => {
  await page.goto('/settings')
  await expect(page).toHaveURL(/\/settings\/connection$/)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible()
})

test('an unknown page says so', async ({ page }) => {
  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('the overview counts what the server holds and links to it', async ({ page, request }) => {
  await page.goto('/')
  const toolCount = page.getByTestId('count-tools')
  const before = Number(await toolCount.textContent())
  const name = `overview_probe_${Date.now()}`
  const created = await request.post('/v1/tools', {
    data: {
      source_code: `def ${name}(x: int) -> int:\n    """Return x.\n\n    Args:\n        x: A number.\n    """\n    return x\n`,
    },
  })
  expect(created.ok()).toBe(true)
  await page.reload()
  await expect(toolCount).toHaveText(String(before + 1))
  await expect(page.getByTestId('count-sources')).toHaveText(/^\d+$/)
  await expect(page.getByTestId('count-jobs')).toHaveText(/^\d+\+?$/)
  await toolCount.click()
  await expect(page).toHaveURL(/\/tools$/)
})
