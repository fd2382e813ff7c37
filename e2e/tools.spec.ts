import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

/** A Python identifier no other test (or earlier run on the same server) has used. */
const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`

/** A two-argument tool whose summary line and body can be varied. */
function toolSource(name: string, summary = 'Add two numbers.') {
  return [
    `def ${name}(first: int, second: int = 1) -> str:`,
    '    """',
    `    ${summary}`,
    '',
    '    Args:',
    '        first (int): The first number.',
    '        second (int): The second number.',
    '',
    '    Returns:',
    '        str: The sum.',
    '    """',
    '    print(f"adding {first} and {second}")',
    '    return str(first + second)',
    '',
  ].join('\n')
}

async function createTool(request: APIRequestContext, source: string) {
  const response = await request.post('/v1/tools', { data: { source_code: source } })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()) as { id: string; name: string }
}

const editor = (page: Page) => page.locator('.monaco-editor').first()
const schemaPreview = (page: Page) => page.getByRole('region', { name: 'JSON schema' })

/**
 * Puts the cursor at the end of a line of the editor, as a person would with the keyboard.
 * Edits are typed from there: whole-text replacement would fight Monaco's auto-indentation.
 */
async function goToLineEnd(page: Page, line: number) {
  await editor(page).locator('.view-lines').click()
  await page.keyboard.press('Control+Home')
  for (let current = 1; current < line; current += 1) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
}

test('creates a tool from Python source and shows its derived schema', async ({ page }) => {
  const name = uniqueName('add')
  await page.goto('/tools')
  await page.getByRole('button', { name: 'New tool' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New tool' })
  await expect(dialog.getByLabel('Python source')).toHaveValue(/def roll_dice\(/)
  await dialog.getByLabel('Python source').fill(toolSource(name))
  await dialog.getByLabel('Tags').fill('math, e2e')
  await dialog.getByRole('button', { name: 'Create tool' }).click()

  await expect(page).toHaveURL(/\/tools\/tool-[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { name })).toBeVisible()
  const schema = schemaPreview(page)
  await expect(schema).toContainText(`"name": "${name}"`)
  await expect(schema).toContainText('"description": "Add two numbers."')
  await expect(schema).toContainText('"first": {')
  await expect(schema).toContainText('"type": "integer"')
  await expect(page.getByLabel('Tags')).toHaveValue('math, e2e')

  // The same function again is a duplicate: the server's 409 is shown in the dialog.
  await page.goto('/tools')
  await page.getByRole('button', { name: 'New tool' }).first().click()
  await page.getByLabel('Python source').fill(toolSource(name))
  await page.getByRole('button', { name: 'Create tool' }).click()
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('already exists')
  await expect(page).toHaveURL(/\/tools$/)
})

test('typing updates the schema preview; Ctrl+S saves and a reload keeps it', async ({
  page,
  request,
}) => {
  const name = uniqueName('sum')
  const tool = await createTool(request, toolSource(name))
  await page.goto(`/tools/${tool.id}`)
  await expect(editor(page)).toContainText(`def ${name}(`)
  await expect(schemaPreview(page)).toContainText('"description": "Add two numbers."')

  // Line 3 is the docstring's summary, "Add two numbers.": replace its full stop.
  await goToLineEnd(page, 3)
  await page.keyboard.press('Backspace')
  await page.keyboard.type(', carefully.')
  await expect(schemaPreview(page)).toContainText('"description": "Add two numbers, carefully."')
  await expect(page.getByText('Unsaved changes')).toBeVisible()

  // The focus is still inside Monaco: its own Ctrl+S binding saves.
  await page.keyboard.press('Control+S')
  await expect(page.getByText(`Saved ${name}`)).toBeVisible()
  await expect(page.getByText('Unsaved changes')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()

  await page.reload()
  await expect(editor(page)).toContainText('Add two numbers, carefully.')
  await expect(schemaPreview(page)).toContainText('"description": "Add two numbers, carefully."')
})

test('runs the tool with arguments from the form and shows what it returned', async ({
  page,
  request,
}) => {
  const tool = await createTool(request, toolSource(uniqueName('run')))
  await page.goto(`/tools/${tool.id}`)
  await page.getByRole('tab', { name: 'Run' }).click()
  const form = page.getByRole('form', { name: 'Run the tool' })
  await form.getByRole('textbox', { name: /^first/ }).fill('2')
  await form.getByRole('textbox', { name: /^second/ }).fill('40')
  await form.getByRole('button', { name: 'Run' }).click()

  const result = page.getByRole('region', { name: 'Run result' })
  await expect(result).toContainText('success')
  await expect(result.getByLabel('Return value')).toHaveText('42')
  await expect(result.getByLabel('stdout')).toContainText('adding 2 and 40')

  // A value that is not a whole number is caught before anything is sent.
  await form.getByRole('textbox', { name: /^first/ }).fill('two')
  await form.getByRole('button', { name: 'Run' }).click()
  await expect(form.getByText('Enter a whole number')).toBeVisible()

  // The same run as raw JSON.
  await form.getByRole('textbox', { name: /^first/ }).fill('5')
  await form.getByRole('tab', { name: 'JSON' }).click()
  await expect(form.getByLabel('Arguments (a JSON object)')).toHaveValue(/"first": 5/)
  await form.getByLabel('Arguments (a JSON object)').fill('{"first": 1, "second": 2}')
  await form.getByRole('button', { name: 'Run' }).click()
  await expect(result.getByLabel('Return value')).toHaveText('3')
})

test('a broken docstring is reported on the line it names', async ({ page, request }) => {
  const name = uniqueName('broken')
  const tool = await createTool(request, toolSource(name))
  await page.goto(`/tools/${tool.id}`)
  await expect(schemaPreview(page)).toContainText(`"name": "${name}"`)

  // `second` loses its description (line 7), then two lines above the def move it to line 3.
  await goToLineEnd(page, 7)
  await page.keyboard.press('Control+Shift+K')
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('import math')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(editor(page)).toContainText('import math')
  await expect(editor(page)).not.toContainText('The second number.')

  const error = page.getByTestId('schema-error')
  await expect(error).toContainText("Parameter 'second'")
  await expect(error).toContainText('lacks a description')
  await expect(error.getByRole('button', { name: 'Line 3' })).toBeVisible()
  await expect(page.getByTestId('schema-status')).toContainText('Out of date')

  // Monaco underlines the text of line 3 itself.
  const squiggle = editor(page).locator('.squiggly-error').first()
  await expect(squiggle).toBeVisible()
  const lineNumber = editor(page).locator('.line-numbers', { hasText: /^3$/ })
  const squiggleBox = await squiggle.boundingBox()
  const lineBox = await lineNumber.boundingBox()
  expect(squiggleBox && lineBox).toBeTruthy()
  expect(Math.abs((squiggleBox?.y ?? 0) - (lineBox?.y ?? 100))).toBeLessThan(4)

  await page.keyboard.press('Control+S')
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    'lacks a description',
  )
})

test('saving sends only the fields that changed', async ({ page, request }) => {
  const tool = await createTool(request, toolSource(uniqueName('patch')))
  await page.goto(`/tools/${tool.id}`)
  await page.getByLabel('Description').fill('Adds numbers for agents.')
  await page.getByLabel('Tags').fill('math, arithmetic')

  const patch = page.waitForRequest(
    (sent) => sent.method() === 'PATCH' && sent.url().endsWith(`/v1/tools/${tool.id}`),
  )
  // Ctrl+S outside the editor saves too.
  await page.getByLabel('Tags').press('Control+S')
  expect((await patch).postDataJSON()).toEqual({
    description: 'Adds numbers for agents.',
    tags: ['math', 'arithmetic'],
  })
  await expect(page.getByText(`Saved ${tool.name}`)).toBeVisible()

  const saved = (await (await request.get(`/v1/tools/${tool.id}`)).json()) as {
    description: string
    tags: string[]
    source_code: string
  }
  expect(saved).toMatchObject({
    description: 'Adds numbers for agents.',
    tags: ['math', 'arithmetic'],
    source_code: toolSource(tool.name),
  })
})

test('leaving with unsaved changes asks first', async ({ page, request }) => {
  const tool = await createTool(request, toolSource(uniqueName('leave')))
  await page.goto(`/tools/${tool.id}`)
  await page.getByLabel('Description').fill('Changed, not saved')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click()

  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' })
  await dialog.getByRole('button', { name: 'Stay' }).click()
  await expect(page).toHaveURL(new RegExp(`/tools/${tool.id}$`))
  await expect(page.getByLabel('Description')).toHaveValue('Changed, not saved')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click()
  await dialog.getByRole('button', { name: 'Leave' }).click()
  await expect(page).toHaveURL(/\/tools$/)
})

test('deleting a tool removes it from the list and the count', async ({ page, request }) => {
  const tool = await createTool(request, toolSource(uniqueName('gone')))
  await page.goto('/tools')
  const count = page.getByTestId('tool-count')
  await expect(count).toBeVisible()
  const before = Number.parseInt((await count.textContent()) ?? '', 10)

  await page.getByRole('searchbox', { name: 'Search tools' }).fill(tool.name)
  await expect(page).toHaveURL(new RegExp(`search=${tool.name}`))
  await page.getByRole('link', { name: tool.name }).click()
  await expect(page.getByRole('heading', { name: tool.name })).toBeVisible()

  await page.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: `Delete ${tool.name}?` })
  await confirm.getByRole('button', { name: 'Delete tool' }).click()

  await expect(page).toHaveURL(/\/tools$/)
  await expect(page.getByText(`Deleted ${tool.name}`)).toBeVisible()
  await expect(count).toHaveText(new RegExp(`^${before - 1} tools?\\b`))
  await page.getByRole('searchbox', { name: 'Search tools' }).fill(tool.name)
  await expect(page.getByRole('heading', { name: 'No tools match' })).toBeVisible()
  expect((await request.get(`/v1/tools/${tool.id}`)).status()).toBe(404)
})

test('the list keeps its search and filters in the URL', async ({ page, request }) => {
  const tag = uniqueName('tag')
  const tool = await createTool(request, toolSource(uniqueName('filtered')))
  await request.patch(`/v1/tools/${tool.id}`, { data: { tags: [tag] } })

  await page.goto('/tools')
  await page.getByRole('searchbox', { name: 'Search tools' }).fill(tag)
  await expect(page.getByRole('link', { name: tool.name })).toBeVisible()
  await expect(page.locator('[data-tool-row]')).toHaveCount(1)
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search tools' })).toHaveValue(tag)
  await expect(page.getByRole('link', { name: tool.name })).toBeVisible()

  await page.getByRole('combobox', { name: 'Tool type' }).selectOption({ label: 'Letta core' })
  await expect(page).toHaveURL(/type=letta_core/)
  await expect(page).toHaveURL(/builtin=true/)
  await expect(page.getByRole('heading', { name: 'No tools match' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search tools' })).toHaveValue('')
  await expect(page.getByRole('link', { name: 'send_message' })).toBeVisible()
})

test('an unknown tool id says the tool was not found', async ({ page }) => {
  await page.goto('/tools/tool-00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { name: 'Tool not found' })).toBeVisible()
  await expect(page.getByText('tool-00000000-0000-4000-8000-000000000000')).toBeVisible()
  await page.getByRole('link', { name: 'All tools' }).click()
  await expect(page).toHaveURL(/\/tools$/)
})

test('built-in tools open read-only', async ({ page }) => {
  await page.goto('/tools?builtin=true')
  await page.getByRole('link', { name: 'send_message' }).click()
  await expect(page.getByRole('heading', { name: /send_message/ })).toBeVisible()
  await expect(page.getByText('Built-in', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await expect(page.getByLabel('Description')).not.toBeEditable()

  await expect(editor(page)).toContainText('def send_message(')
  await editor(page).locator('.view-lines').click()
  await page.keyboard.type('xyzzy')
  await expect(editor(page)).not.toContainText('xyzzy')
  await expect(schemaPreview(page)).toContainText('"name": "send_message"')
})
