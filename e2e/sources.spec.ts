import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

/** The server's real fixtures: a three-page PDF with one subject per page, and a Markdown guide. */
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../server/test/fixtures/${name}`, import.meta.url)))
const PDF_NAME = 'orchard.pdf'
const MARKDOWN_NAME = 'guide.md'
/** Printed on page two of orchard.pdf only. */
const PAGE_TWO_PHRASE = 'Bicycles need oil on the chain'

/** The few browser globals the page-side functions below use (this project's e2e has no DOM lib). */
interface BrowserElement {
  dataset: Record<string, string | undefined>
  textContent: string | null
  querySelector: (selector: string) => BrowserElement | null
}
interface BrowserGlobals {
  DataTransfer: new () => { items: { add: (file: File) => unknown } }
  MutationObserver: new (callback: () => void) => {
    observe: (target: unknown, options: Record<string, unknown>) => void
  }
  document: { body: unknown; querySelectorAll: (selector: string) => Iterable<BrowserElement> }
  uploadStates: Record<string, string[]>
}

interface DropFile {
  name: string
  mimeType: string
  bytes: Buffer
}

/** A real drop: a DataTransfer holding File objects, dispatched as dragenter, dragover and drop. */
async function dropFiles(page: Page, target: Locator, files: DropFile[]) {
  const dataTransfer = await page.evaluateHandle(
    (payload) => {
      const browser = globalThis as unknown as BrowserGlobals
      const transfer = new browser.DataTransfer()
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name, { type: file.mimeType }))
      }
      return transfer
    },
    files.map((file) => ({
      name: file.name,
      mimeType: file.mimeType,
      base64: file.bytes.toString('base64'),
    })),
  )
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer })
  }
}

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`

async function createSourceByApi(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/v1/sources', { data: { name } })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { id: string }).id
}

test('dropped PDF and Markdown files are processed, searchable, and leave with their passages', async ({
  page,
}) => {
  const name = uniqueName('orchard')
  await page.goto('/sources')
  await page.getByRole('button', { name: 'New source' }).click()
  const dialog = page.getByRole('dialog', { name: 'New source' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Description').fill('Harbour records')
  await dialog.getByRole('button', { name: 'Create source' }).click()
  await expect(page).toHaveURL(/\/sources\/source-[0-9a-f-]+/)
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByText('No files yet')).toBeVisible()

  // Every state each upload row passes through, as the page shows it.
  await page.evaluate(() => {
    const browser = globalThis as unknown as BrowserGlobals
    const seen: Record<string, string[]> = {}
    browser.uploadStates = seen
    const record = () => {
      for (const row of browser.document.querySelectorAll('[data-testid="upload-row"]')) {
        const file = row.querySelector('[data-testid="upload-name"]')?.textContent ?? '?'
        const state = row.dataset.state ?? '?'
        const states = (seen[file] ??= [])
        if (states.at(-1) !== state) states.push(state)
        if (row.querySelector('[role="progressbar"]') && !states.includes('bar')) states.push('bar')
      }
    }
    new browser.MutationObserver(record).observe(browser.document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    })
  })

  await dropFiles(page, page.getByTestId('source-dropzone'), [
    { name: PDF_NAME, mimeType: 'application/pdf', bytes: fixture(PDF_NAME) },
    { name: MARKDOWN_NAME, mimeType: 'text/markdown', bytes: fixture(MARKDOWN_NAME) },
  ])

  const uploads = page.getByRole('region', { name: 'Uploads' })
  for (const file of [PDF_NAME, MARKDOWN_NAME]) {
    await expect(uploads.getByTestId('upload-row').filter({ hasText: file })).toHaveAttribute(
      'data-state',
      'completed',
    )
  }
  const states = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).uploadStates)
  for (const file of [PDF_NAME, MARKDOWN_NAME]) {
    expect(states[file]?.[0], `${file}: ${states[file]?.join(' > ')}`).toBe('uploading')
    expect(states[file], `${file} showed a progress bar`).toContain('bar')
    expect(states[file]?.at(-1)).toBe('completed')
  }
  await expect(uploads.getByText(/\d+ chunks? embedded/)).toHaveCount(2)

  // With every file finished, the page stops asking.
  const polls: string[] = []
  const countPolls = (sent: { url: () => string }) => {
    if (/\/files(\?|$)/.test(sent.url())) polls.push(sent.url())
  }
  page.on('request', countPolls)
  await page.waitForTimeout(3000)
  page.off('request', countPolls)
  expect(polls).toEqual([])

  const filesTable = page.getByRole('table', { name: 'Files' })
  await expect(filesTable.getByTestId('file-row')).toHaveCount(2)
  for (const file of [PDF_NAME, MARKDOWN_NAME]) {
    const row = filesTable.getByTestId('file-row').filter({ hasText: file })
    await expect(row.getByText('completed')).toBeVisible()
    await expect(row.getByText(/^\d+ \/ \d+$/)).toBeVisible()
  }

  // Text from page two of the PDF is found among the passages, with its file and its vector.
  await page.getByRole('tab', { name: 'Passages' }).click()
  await expect(page).toHaveURL(/tab=passages/)
  await page.getByLabel('Filter passages by text').fill(PAGE_TWO_PHRASE)
  await expect(page).toHaveURL(/q=Bicycles/)
  const passages = page.getByRole('list', { name: 'Passages' }).getByTestId('passage')
  await expect(passages).toHaveCount(1)
  await expect(passages.first().getByTestId('passage-file')).toHaveText(PDF_NAME)
  await expect(passages.first().locator('mark')).toHaveText(PAGE_TWO_PHRASE)
  await expect(passages.first().getByTestId('passage-location')).toContainText(/pages? \d/)
  await expect(passages.first().getByText(/^[\d,]+ dims$/)).toBeVisible()
  await expect(passages.first().getByRole('img', { name: /embedding values/ })).toBeVisible()

  // The filter lives in the URL: a reload keeps it.
  await page.reload()
  await expect(page.getByLabel('Filter passages by text')).toHaveValue(PAGE_TWO_PHRASE)
  await expect(passages).toHaveCount(1)

  // Deleting the PDF takes its passages with it; the Markdown file's stay.
  await page.getByRole('tab', { name: /^Files/ }).click()
  await page.getByRole('button', { name: `Delete ${PDF_NAME}` }).click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText(/Its \d+ passages? will be deleted with it/)
  await confirm.getByRole('button', { name: 'Delete file' }).click()
  await expect(filesTable.getByTestId('file-row')).toHaveCount(1)

  await page.getByRole('tab', { name: 'Passages' }).click()
  await expect(page.getByText(`No passage contains “${PAGE_TWO_PHRASE}”.`)).toBeVisible()
  await page.getByLabel('Filter passages by text').fill('')
  await expect(page).not.toHaveURL(/q=Bicycles/)
  await expect(passages.first()).toBeVisible()
  const fileNames = await passages.getByTestId('passage-file').allTextContents()
  expect(new Set(fileNames)).toEqual(new Set([MARKDOWN_NAME]))
})

test('an unsupported file is refused before upload with the reason', async ({ page, request }) => {
  const sourceId = await createSourceByApi(request, uniqueName('refusals'))
  const uploadRequests: string[] = []
  page.on('request', (sent) => {
    if (/\/upload(\?|$)/.test(sent.url())) uploadRequests.push(sent.url())
  })
  await page.goto(`/sources/${sourceId}`)
  await expect(page.getByText('No files yet')).toBeVisible()

  // Dropped...
  await dropFiles(page, page.getByTestId('source-dropzone'), [
    { name: 'diagram.png', mimeType: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ])
  const refused = page.getByTestId('upload-row').filter({ hasText: 'diagram.png' })
  await expect(refused).toHaveAttribute('data-state', 'rejected')
  await expect(refused).toContainText('Not uploaded: .png files are not supported. Accepted types:')
  await expect(refused).toContainText('.pdf')

  // ...or picked with the button.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Upload files' }).click()
  await (
    await chooser
  ).setFiles({
    name: 'installer.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  })
  await expect(page.getByTestId('upload-row').filter({ hasText: 'installer.exe' })).toContainText(
    'Not uploaded: .exe files are not supported',
  )

  await expect(page.getByText('No files yet')).toBeVisible()
  expect(uploadRequests).toEqual([])
})

test('deleting a source asks first, naming its files and passages', async ({ page, request }) => {
  const name = uniqueName('doomed')
  const sourceId = await createSourceByApi(request, name)
  const upload = await request.post(`/v1/sources/${sourceId}/upload`, {
    multipart: {
      file: { name: MARKDOWN_NAME, mimeType: 'text/markdown', buffer: fixture(MARKDOWN_NAME) },
    },
  })
  expect(upload.status(), await upload.text()).toBe(200)
  await expect
    .poll(async () => {
      const files = (await (await request.get(`/v1/sources/${sourceId}/files`)).json()) as {
        processing_status: string
      }[]
      return files[0]?.processing_status
    })
    .toBe('completed')
  const passages = (await (
    await request.get(`/v1/sources/${sourceId}/passages`)
  ).json()) as unknown[]
  expect(passages.length).toBeGreaterThan(0)

  await page.goto('/sources')
  const row = page.getByRole('row').filter({ hasText: name })
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: `Delete ${name}` }).click()
  const confirm = page.getByRole('alertdialog', { name: `Delete ${name}?` })
  const passageWord = passages.length === 1 ? 'passage' : 'passages'
  await expect(confirm).toContainText(
    `Its 1 file and ${passages.length} ${passageWord} will be deleted with it. This cannot be undone.`,
  )

  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(row).toBeVisible()

  // The same question from the source's own page, which leaves for the list once it is gone.
  await row.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(confirm).toContainText(
    `Its 1 file and ${passages.length} ${passageWord} will be deleted with it.`,
  )
  await confirm.getByRole('button', { name: 'Delete source' }).click()
  await expect(page).toHaveURL(/\/sources$/)
  await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect((await request.get(`/v1/sources/${sourceId}`)).status()).toBe(404)
})

test('a file that cannot be processed says why, and Retry replaces it', async ({
  page,
  request,
}) => {
  const sourceId = await createSourceByApi(request, uniqueName('retry'))
  const uploads: string[] = []
  page.on('request', (sent) => {
    if (/\/upload(\?|$)/.test(sent.url())) uploads.push(sent.url())
  })
  await page.goto(`/sources/${sourceId}`)
  await expect(page.getByText('No files yet')).toBeVisible()

  // An extension the server accepts, bytes it cannot parse.
  await dropFiles(page, page.getByTestId('source-dropzone'), [
    { name: 'scan.pdf', mimeType: 'application/pdf', bytes: Buffer.from('not a PDF at all') },
  ])
  const row = page.getByTestId('upload-row').filter({ hasText: 'scan.pdf' })
  await expect(row).toHaveAttribute('data-state', 'error')
  await expect(row).toContainText('Processing failed:')
  const filesTable = page.getByRole('table', { name: 'Files' })
  await expect(filesTable.getByTestId('file-row')).toHaveCount(1)
  await expect(filesTable.getByText('error', { exact: true })).toBeVisible()

  await row.getByRole('button', { name: 'Retry scan.pdf' }).click()
  await expect.poll(() => uploads.length).toBe(2)
  expect(uploads[0]).not.toContain('duplicate_handling')
  expect(uploads[1]).toContain('duplicate_handling=replace')
  await expect(row).toHaveAttribute('data-state', 'error')
  // Replaced, not added beside it as "scan (1).pdf".
  await expect(filesTable.getByTestId('file-row')).toHaveCount(1)
  await expect(filesTable.getByText('scan (1).pdf')).toHaveCount(0)
})

test('passages page forwards and back with the cursor in the URL', async ({ page, request }) => {
  const created = await request.post('/v1/sources', {
    data: { name: uniqueName('pages'), embedding_chunk_size: 64 },
  })
  expect(created.status(), await created.text()).toBe(200)
  const sourceId = ((await created.json()) as { id: string }).id
  const sentences = Array.from(
    { length: 60 },
    (_, index) =>
      `Sentence number ${index + 1} describes a different lighthouse on a different rocky island far to the north.`,
  )
  const upload = await request.post(`/v1/sources/${sourceId}/upload`, {
    multipart: {
      file: {
        name: 'islands.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(sentences.join(' ')),
      },
    },
  })
  expect(upload.status(), await upload.text()).toBe(200)
  await expect
    .poll(async () => {
      const files = (await (await request.get(`/v1/sources/${sourceId}/files`)).json()) as {
        processing_status: string
        total_chunks: number | null
      }[]
      return files[0]?.processing_status === 'completed' ? (files[0].total_chunks ?? 0) : 0
    })
    .toBeGreaterThan(20)

  await page.goto(`/sources/${sourceId}?tab=passages`)
  const passages = page.getByRole('list', { name: 'Passages' }).getByTestId('passage')
  await expect(passages).toHaveCount(20)
  const firstPage = await passages.allTextContents()
  const pages = page.getByRole('navigation', { name: 'Passage pages' })
  await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled()

  await pages.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL(/after=passage-/)
  await expect(passages.first()).not.toHaveText(firstPage[0] ?? '')
  const secondPage = await passages.allTextContents()
  expect(secondPage.filter((text) => firstPage.includes(text))).toEqual([])

  await pages.getByRole('button', { name: 'Previous' }).click()
  await expect(page).toHaveURL(/before=passage-/)
  await expect(passages).toHaveCount(20)
  expect(await passages.allTextContents()).toEqual(firstPage)
  await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled()
})

test('a source is renamed and described from its page, and a taken name is refused in the dialog', async ({
  page,
  request,
}) => {
  const name = uniqueName('ledgers')
  const taken = uniqueName('archive')
  const sourceId = await createSourceByApi(request, name)
  await createSourceByApi(request, taken)
  const renamed = `${name}-renamed`
  const description = 'Shipping ledgers, 1890 to 1910'

  await page.goto(`/sources/${sourceId}`)
  await expect(page.getByRole('heading', { name })).toBeVisible()
  const editButton = page.getByRole('button', { name: 'Edit', exact: true })
  const dialog = page.getByRole('dialog', { name: 'Edit source' })
  const nameField = dialog.getByLabel('Name')
  const saveButton = dialog.getByRole('button', { name: 'Save' })

  // Escape cancels: what was typed is dropped and the next opening starts from the saved values.
  await editButton.click()
  await expect(nameField).toHaveValue(name)
  await expect(saveButton).toBeDisabled()
  await nameField.fill('discarded')
  await expect(saveButton).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await editButton.click()
  await expect(nameField).toHaveValue(name)

  // Enter in the name field saves both changes.
  await dialog.getByLabel('Description').fill(description)
  await nameField.fill(renamed)
  await nameField.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Saved ${renamed}`)).toBeVisible()
  await expect(page.getByRole('heading', { name: renamed })).toBeVisible()
  await expect(page.getByText(description)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: renamed })).toBeVisible()
  await expect(page.getByText(description)).toBeVisible()

  // The server's 409 is shown under the name, and everything typed stays in the dialog.
  await editButton.click()
  await expect(dialog.getByLabel('Description')).toHaveValue(description)
  await nameField.fill(taken)
  await saveButton.click()
  await expect(dialog.getByText(`A source named "${taken}" already exists`)).toBeVisible()
  await expect(nameField).toHaveAttribute('aria-invalid', 'true')
  await expect(nameField).toHaveValue(taken)
  await expect(dialog.getByLabel('Description')).toHaveValue(description)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { name: renamed })).toBeVisible()
  const saved = await request.get(`/v1/sources/${sourceId}`)
  expect(((await saved.json()) as { name: string }).name).toBe(renamed)
})
