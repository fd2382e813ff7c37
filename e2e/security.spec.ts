import { expect, test, type Page } from '@playwright/test'

/** Collects every Content-Security-Policy violation and worker fallback the page reports. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text))
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(event.violatedDirective + ' blocked ' + event.blockedURI))`,
  )
  page.on('console', (message) => {
    const text = message.text()
    if (/Content Security Policy|Could not create web worker/i.test(text)) problems.push(text)
  })
  return problems
}

test('every page works under the Content-Security-Policy with no violation', async ({
  page,
  request,
}) => {
  const problems = await watchForViolations(page)
  const stamp = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
  const toolName = `csp_probe_${stamp}`
  const tool = (await (
    await request.post('/v1/tools', {
      data: {
        source_code: `def ${toolName}(x: int) -> int:\n    """Return x.\n\n    Args:\n        x: A number.\n    """\n    return x\n`,
      },
    })
  ).json()) as { id: string }
  const source = (await (
    await request.post('/v1/sources', { data: { name: `csp-${stamp}` } })
  ).json()) as { id: string }
  const uploaded = await request.post(`/v1/sources/${source.id}/upload`, {
    multipart: {
      file: { name: 'csp.txt', mimeType: 'text/plain', buffer: Buffer.from('Policy text.') },
    },
  })
  const job = (await uploaded.json()) as { id: string }

  const home = await page.goto('/')
  const csp = home?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(home?.headers()['x-frame-options']).toBe('DENY')
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()

  await page.goto('/tools')
  await expect(page.getByRole('heading', { name: 'Tools', level: 1 })).toBeVisible()

  // Monaco and its worker load under the policy: the editor shows the source and reacts to typing.
  await page.goto(`/tools/${tool.id}`)
  const editor = page.locator('.monaco-editor').first()
  await expect(editor).toContainText(`def ${toolName}(`)
  await editor.locator('.view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n# edited')
  await expect(page.getByText('Unsaved changes')).toBeVisible()

  await page.goto('/sources')
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
  await page.goto(`/sources/${source.id}`)
  await expect(page.getByText('csp.txt').first()).toBeVisible()
  await page.goto('/jobs')
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()
  await page.goto(`/jobs/${job.id}`)
  await expect(page.getByText('csp.txt').first()).toBeVisible()
  await page.goto('/settings/connection')
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible()

  // The theme is applied before the first paint by a script file, not an inline one.
  await page.evaluate("localStorage.setItem('letta-admin.theme', 'dark')")
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.evaluate("localStorage.setItem('letta-admin.theme', 'light')")

  expect(problems).toEqual([])
})

test('the console refuses to be framed', async ({ page }) => {
  const response = await page.goto('/tools')
  expect(response?.headers()['x-frame-options']).toBe('DENY')
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  expect(response?.headers()['referrer-policy']).toBe('no-referrer')
})
