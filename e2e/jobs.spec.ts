import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

interface Job {
  id: string
  status: string
  metadata: Record<string, unknown>
}

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`

const WORDS = [
  'harbour',
  'lantern',
  'meridian',
  'basalt',
  'orchard',
  'quartz',
  'tundra',
  'velvet',
  'willow',
  'zephyr',
  'cobalt',
  'ember',
  'fjord',
  'granite',
  'heron',
  'indigo',
  'juniper',
  'kelp',
  'lichen',
  'marble',
  'nectar',
  'obsidian',
  'pebble',
  'quill',
  'saffron',
  'thistle',
  'umber',
  'vellum',
]

/** Plain prose of about `bytes` bytes: numbered sentences of varied words, so every chunk differs. */
function generateText(bytes: number): Buffer {
  const lines: string[] = []
  let size = 0
  for (let index = 0; size < bytes; index += 1) {
    const words = Array.from(
      { length: 14 },
      (_, offset) => WORDS[(index * 7 + offset * 3) % WORDS.length],
    )
    const line = `Sentence ${index} tells of the ${words.join(' ')}.`
    lines.push(line)
    size += line.length + 1
  }
  return Buffer.from(lines.join('\n'))
}

async function createSource(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/v1/sources', { data: { name } })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { id: string }).id
}

async function upload(
  request: APIRequestContext,
  sourceId: string,
  name: string,
  bytes: Buffer,
): Promise<Job> {
  const response = await request.post(`/v1/sources/${sourceId}/upload`, {
    multipart: { file: { name, mimeType: 'text/plain', buffer: bytes } },
    timeout: 60_000,
  })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as Job
}

async function jobOf(request: APIRequestContext, jobId: string): Promise<Job> {
  return (await (await request.get(`/v1/jobs/${jobId}`)).json()) as Job
}

async function waitForNoActiveJobs(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get('/v1/jobs/active')).json()) as Job[]).length, {
      timeout: 120_000,
    })
    .toBe(0)
}

const jobRow = (page: Page, jobId: string) => page.locator(`tr[data-job-id="${jobId}"]`)

test.describe.configure({ mode: 'serial' })

test('an upload shows up running, then completed, without a reload', async ({ page, request }) => {
  test.setTimeout(180_000)
  const sourceName = uniqueName('manuals')
  const sourceId = await createSource(request, sourceName)
  const job = await upload(request, sourceId, 'manual.txt', generateText(45 * 1024 * 1024))

  await page.goto('/jobs')
  const row = jobRow(page, job.id)
  await expect(row).toBeVisible()
  await expect(row.locator('[data-status="running"]')).toBeVisible()
  await expect(row.getByRole('link', { name: sourceName })).toBeVisible()
  await expect(row).toContainText('manual.txt')
  // Progress starts once the 45 MB text is read and cut into chunks: seconds, more on a busy machine.
  await expect(row.getByRole('progressbar')).toBeVisible({ timeout: 90_000 })
  // The page polls while the job runs; no reload happens from here on.
  await expect(row.locator('[data-status="completed"]')).toBeVisible({ timeout: 150_000 })
  await expect(row).toContainText('100%')
})

test('a running job on a large file is cancelled from its page and leaves no passages', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const sourceId = await createSource(request, uniqueName('archive'))
  const job = await upload(request, sourceId, 'archive.txt', generateText(45 * 1024 * 1024))

  await page.goto(`/jobs/${job.id}`)
  await expect(page.getByRole('heading', { name: /archive\.txt/ })).toBeVisible()
  await expect(page.locator('[data-status="running"]').first()).toBeVisible()
  await page.getByRole('button', { name: 'Cancel job' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this job?' })
  await dialog.getByRole('button', { name: 'Cancel job' }).click()
  await expect(page.getByText('Job cancelled')).toBeVisible()
  await expect(page.locator('h1 [data-status="cancelled"]')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible()

  expect((await jobOf(request, job.id)).status).toBe('cancelled')
  const passages = await request.get(`/v1/sources/${sourceId}/passages`)
  expect(passages.status()).toBe(200)
  expect(await passages.json()).toEqual([])
})

test('the source filter is kept in the URL across a reload', async ({ page, request }) => {
  test.setTimeout(120_000)
  const firstName = uniqueName('first')
  const secondName = uniqueName('second')
  const first = await createSource(request, firstName)
  const second = await createSource(request, secondName)
  const firstJob = await upload(request, first, 'one.txt', generateText(2_000))
  const secondJob = await upload(request, second, 'two.txt', generateText(2_000))

  await page.goto('/jobs')
  await expect(jobRow(page, firstJob.id)).toBeVisible()
  await expect(jobRow(page, secondJob.id)).toBeVisible()

  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: firstName })
  await expect(page).toHaveURL(new RegExp(`source=${first}`))
  await expect(jobRow(page, firstJob.id)).toBeVisible()
  await expect(jobRow(page, secondJob.id)).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue(first)
  await expect(page.getByRole('combobox', { name: 'Source' }).locator('option:checked')).toHaveText(
    firstName,
  )
  await expect(jobRow(page, firstJob.id)).toBeVisible()
  await expect(jobRow(page, secondJob.id)).toHaveCount(0)

  // Once both are done, "Active only" (served by /v1/jobs/active) has nothing to show.
  await expect.poll(async () => (await jobOf(request, firstJob.id)).status).toBe('completed')
  const activeRequest = page.waitForRequest((sent) => sent.url().includes('/v1/jobs/active'))
  await page.getByRole('switch', { name: 'Active only' }).click()
  await activeRequest
  await expect(page).toHaveURL(/active=true/)
  await expect(page.getByText('No jobs match these filters')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(page).not.toHaveURL(/source=|active=/)
  await expect(jobRow(page, secondJob.id)).toBeVisible()
})

test('a tracked upload that finishes elsewhere is announced with a link to its result', async ({
  page,
  request,
}) => {
  const sourceId = await createSource(request, uniqueName('tracked'))
  const job = await upload(request, sourceId, 'tracked.txt', generateText(20_000))
  // What the Sources page records when it starts an upload.
  const tracked = [{ id: job.id, label: 'Upload of tracked.txt', href: `/sources/${sourceId}` }]
  await page.addInitScript(
    `sessionStorage.setItem('letta-admin.tracked-jobs', ${JSON.stringify(JSON.stringify(tracked))})`,
  )
  await page.goto('/')
  await expect(page.getByText('Upload of tracked.txt completed')).toBeVisible()
  await page.getByRole('link', { name: 'View', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/sources/${sourceId}`))
})

test('a finished job is deleted from its page after confirming', async ({ page, request }) => {
  const sourceId = await createSource(request, uniqueName('notes'))
  const job = await upload(request, sourceId, 'notes.txt', generateText(1_000))
  await expect.poll(async () => (await jobOf(request, job.id)).status).toBe('completed')

  await page.goto(`/jobs/${job.id}`)
  await expect(page.getByRole('tree', { name: 'Job metadata' })).toContainText('notes.txt')
  await page.getByRole('button', { name: 'Delete' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete this job?' })
    .getByRole('button', { name: 'Delete job' })
    .click()
  await expect(page).toHaveURL(/\/jobs$/)
  await expect(page.getByText('Job deleted')).toBeVisible()
  await expect(jobRow(page, job.id)).toHaveCount(0)
  expect((await request.get(`/v1/jobs/${job.id}`)).status()).toBe(404)

  await page.goto(`/jobs/${job.id}`)
  await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible()
})

test('with no active job the jobs page sends no request in the 30 s after it has loaded', async ({
  page,
  request,
}) => {
  await waitForNoActiveJobs(request)
  // The page's timers run on a clock the test moves: 30 s of them pass in a moment.
  await page.clock.install()
  await page.goto('/jobs')
  await expect(page.getByRole('table', { name: 'Jobs' })).toBeVisible()
  await page.waitForLoadState('networkidle')

  const requests: string[] = []
  page.on('request', (sent) => {
    const { pathname } = new URL(sent.url())
    if (pathname.startsWith('/v1') || pathname === '/openapi.json') requests.push(pathname)
  })
  await page.clock.runFor(30_000)
  // Anything a timer started has been sent by the time the network is quiet again.
  await page.waitForLoadState('networkidle')
  expect(requests).toEqual([])
})

test('a page cursor that names a deleted job offers the first page', async ({ page }) => {
  await page.goto('/jobs?before=job-00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('alert')).toContainText('does not name an item of this list')
  await page.getByRole('button', { name: 'First page' }).click()
  await expect(page).toHaveURL(/\/jobs$/)
  await expect(page.getByRole('heading', { name: 'Jobs', exact: true })).toBeVisible()
  await expect(page.getByRole('alert')).toBeHidden()
})
