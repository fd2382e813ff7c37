import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

/**
 * Every step here is a key press or typed text: no clicks. Page loads (goto) stand for following a
 * link or a bookmark.
 */

const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`

/** Presses Tab (or Shift+Tab) until `target` has focus; fails when it never does. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}) {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

const focusInEditor = (page: Page) =>
  page.evaluate(() => {
    const active = (
      globalThis as unknown as {
        document: { activeElement: { closest: (selector: string) => unknown } | null }
      }
    ).document.activeElement
    return Boolean(active?.closest('.monaco-editor'))
  })

async function createSource(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/v1/sources', { data: { name } })
  expect(response.ok(), await response.text()).toBe(true)
  return ((await response.json()) as { id: string }).id
}

test('a tool is created, edited, saved and run with the keyboard alone', async ({
  page,
  request,
}) => {
  const name = uniqueName('keyboard_tool')
  await page.goto('/tools')
  await expect(page.getByRole('heading', { name: 'Tools', level: 1 })).toBeVisible()

  await page.keyboard.press('Control+k')
  // The palette's code loads on first use: type once it is open.
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await page.keyboard.type('New tool')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New tool' })
  await expect(dialog).toBeVisible()
  const source = dialog.getByRole('textbox', { name: 'Python source' })
  await tabTo(page, source)
  await page.keyboard.press('Control+a')
  await page.keyboard.insertText(
    [
      `def ${name}(word: str) -> str:`,
      '    """',
      '    Repeat a word twice.',
      '',
      '    Args:',
      '        word (str): The word to repeat.',
      '',
      '    Returns:',
      '        str: The word, twice.',
      '    """',
      '    return word + word',
      '',
    ].join('\n'),
  )
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('textbox', { name: 'Tags' })).toBeFocused()
  await page.keyboard.press('Enter')

  // Lands on the new tool, its heading focused.
  const heading = page.getByRole('heading', { name, level: 1 })
  await expect(heading).toBeFocused()
  await expect(page).toHaveTitle(`${name} · Tools · Letta Admin`)

  // Into the editor with Tab, edit at the end, save with Ctrl+S from inside it.
  const editorInput = page.getByRole('textbox', { name: 'Python source' })
  await tabTo(page, editorInput)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('# edited by keyboard')
  await page.keyboard.press('Control+s')
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()
  const listed = await request.get(`/v1/tools?name=${name}`)
  const [saved] = (await listed.json()) as { source_code: string }[]
  expect(saved?.source_code).toContain('# edited by keyboard')

  // Tab indents inside the editor; Escape then Tab leaves it.
  await page.keyboard.press('Escape')
  await expect(page.getByText('Tab now moves focus out of the editor.')).toBeVisible()
  await page.keyboard.press('Tab')
  expect(await focusInEditor(page)).toBe(false)

  // The Run tab, its argument, Enter runs it.
  const runTab = page.getByRole('tab', { name: 'Run' })
  const schemaTab = page.getByRole('tab', { name: 'Schema' })
  await tabTo(page, schemaTab)
  await page.keyboard.press('ArrowRight')
  await expect(runTab).toBeFocused()
  await expect(runTab).toHaveAttribute('aria-selected', 'true')
  const form = page.getByRole('form', { name: 'Run the tool' })
  const word = form.getByRole('textbox', { name: /^word/ })
  await tabTo(page, word)
  await page.keyboard.type('echo')
  await tabTo(page, form.getByRole('button', { name: 'Run' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Run result' })).toContainText('echoecho')
})

test('Ctrl+K opens the palette from inside the code editor, and Escape returns to it', async ({
  page,
  request,
}) => {
  const name = uniqueName('palette_tool')
  const created = await request.post('/v1/tools', {
    data: { source_code: `def ${name}() -> str:\n    """Say hi."""\n    return "hi"\n` },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { id } = (await created.json()) as { id: string }
  await page.goto(`/tools/${id}`)
  const editorInput = page.getByRole('textbox', { name: 'Python source' })
  await tabTo(page, editorInput)
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden()
  await expect(editorInput).toBeFocused()
})

test('the tool type filter is changed with the keyboard alone', async ({ page }) => {
  await page.goto('/tools')
  await expect(page.getByRole('heading', { name: 'Tools', level: 1 })).toBeVisible()
  const type = page.getByRole('combobox', { name: 'Tool type' })
  await tabTo(page, type)
  await page.keyboard.press('ArrowDown')
  await expect(type).toHaveValue('custom')
  await expect(page).toHaveURL(/type=custom/)
  await expect(type).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(type).toHaveValue('all')
  await expect(page).not.toHaveURL(/type=/)
})

test('a file is uploaded to a source with the keyboard alone', async ({ page, request }) => {
  const sourceName = uniqueName('keyboard-source')
  const sourceId = await createSource(request, sourceName)
  await page.goto('/sources')
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+k')
  // The palette's code loads on first use: type once it is open.
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await page.keyboard.type(sourceName)
  const found = page.getByRole('option', { name: sourceName })
  await expect(found).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/sources/${sourceId}`))
  await expect(page.getByRole('heading', { name: sourceName, level: 1 })).toBeFocused()

  const chooser = page.waitForEvent('filechooser')
  await tabTo(page, page.getByRole('button', { name: 'Upload files' }).first())
  await page.keyboard.press('Enter')
  await (
    await chooser
  ).setFiles({
    name: 'typed.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Typed\n\nUploaded without a mouse, found by its words.\n'),
  })
  const row = page.getByRole('table', { name: 'Files' }).getByRole('row', { name: /typed\.md/ })
  await expect(row).toContainText('completed', { timeout: 30_000 })
})

test('a running job is cancelled from the jobs list with the keyboard alone', async ({
  page,
  request,
}) => {
  const sourceId = await createSource(request, uniqueName('keyboard-cancel'))
  const lines = Array.from(
    { length: 650_000 },
    (_, index) => `Line ${index} keeps the embedder busy with harbour ${index % 97} words.`,
  )
  const upload = await request.post(`/v1/sources/${sourceId}/upload`, {
    multipart: {
      file: { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) },
    },
    timeout: 60_000,
  })
  expect(upload.ok(), await upload.text()).toBe(true)
  const job = (await upload.json()) as { id: string }
  // The file takes the embedder tens of seconds; a job already over would leave nothing to cancel.
  const active = (await (await request.get('/v1/jobs/active')).json()) as { id: string }[]
  const asStored: unknown = await (await request.get(`/v1/jobs/${job.id}`)).json()
  expect(
    active.map((each) => each.id),
    JSON.stringify(asStored),
  ).toContain(job.id)

  await page.goto('/jobs?active=true')
  const cancel = page.getByRole('button', { name: 'Cancel the job for long.txt' })
  await tabTo(page, cancel, { max: 120 })
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('alertdialog', { name: 'Cancel this job?' })
  await expect(confirm).toBeVisible()
  await tabTo(page, confirm.getByRole('button', { name: 'Cancel job' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Job cancelled')).toBeVisible()
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/v1/jobs/${job.id}`)).json()) as { status: string }).status,
    )
    .toBe('cancelled')

  // What the console says of the cancelled file agrees with what the server stores: no passages.
  const stored = (await (
    await request.get(`/v1/sources/${sourceId}/passages?limit=1000`)
  ).json()) as unknown[]
  expect(stored).toHaveLength(0)
  await page.goto(`/sources/${sourceId}`)
  const row = page.getByRole('table', { name: 'Files' }).getByRole('row', { name: /long\.txt/ })
  await expect(row).toContainText('cancelled')
  await expect(row).toContainText('Processing was cancelled')
  // No chunk embedded: "0 / N", or "—" when it was cancelled before it was cut into chunks.
  await expect(row.getByRole('cell', { name: /^(0 \/ [\d,]+|—)$/ })).toBeVisible()
  await tabTo(page, page.getByRole('tab', { name: /^Files/ }))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Passages' })).toBeFocused()
  await expect(page.getByText(/No passages yet/)).toBeVisible()
  await tabTo(page, page.getByRole('button', { name: 'Delete', exact: true }), { backwards: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alertdialog')).toContainText('1 file and 0 passages')
})
