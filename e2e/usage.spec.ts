import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`

interface Reported {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

/** Sends one message and returns the usage the run reported (the provider's counts, summed). */
async function sendMessage(request: APIRequestContext, agentId: string, text: string) {
  const response = await request.post(`/v1/agents/${agentId}/messages`, {
    data: { messages: [{ role: 'user', content: text }] },
  })
  expect(response.ok(), await response.text()).toBe(true)
  const body = (await response.json()) as { usage: Reported }
  expect(body.usage.total_tokens).toBeGreaterThan(0)
  return body.usage
}

const add = (a: Reported, b: Reported): Reported => ({
  prompt_tokens: a.prompt_tokens + b.prompt_tokens,
  completion_tokens: a.completion_tokens + b.completion_tokens,
  total_tokens: a.total_tokens + b.total_tokens,
})
const none: Reported = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }
const digits = (text: string) => Number(text.replace(/[^\d]/g, ''))

/** The page's totals, or zeros when it says the range has no usage yet. */
async function pageTotals(page: Page): Promise<Reported> {
  const totals = page.getByRole('region', { name: 'Totals' })
  const empty = page.getByRole('status').filter({ hasText: 'No usage in this range' })
  await expect(totals.or(empty)).toBeVisible()
  if (await empty.isVisible()) return none
  const figure = async (label: string) =>
    digits(
      (await totals
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator('xpath=following-sibling::dd')
        .textContent()) ?? '',
    )
  return {
    prompt_tokens: await figure('Prompt tokens'),
    completion_tokens: await figure('Completion tokens'),
    total_tokens: await figure('Total tokens'),
  }
}

test('usage: totals and by-agent figures match what the provider reported, runs open, CSV exports', async ({
  page,
  request,
}) => {
  const names = [uniqueName('usage_a'), uniqueName('usage_b')]
  const agents: { id: string; name: string }[] = []
  for (const name of names) {
    const created = await request.post('/v1/agents', { data: { name } })
    expect(created.ok(), await created.text()).toBe(true)
    agents.push((await created.json()) as { id: string; name: string })
  }
  const [first, second] = agents as [{ id: string; name: string }, { id: string; name: string }]

  const url = '/usage?range=7d&group=agent'
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible()
  const before = await pageTotals(page)

  // Long messages make these the costliest runs on the server, so they lead the top-runs table.
  const padding = ' and more words'.repeat(200)
  const firstUsage = add(
    await sendMessage(request, first.id, `First question${padding}`),
    await sendMessage(request, first.id, `Second question${padding}`),
  )
  const secondUsage = await sendMessage(request, second.id, `Only question${padding}`)
  const sent = add(firstUsage, secondUsage)

  await page.reload()
  const after = await pageTotals(page)
  expect(after).toEqual(add(before, sent))

  // One bar per bucket; the keyboard walks them, and the tooltip shows the bucket's table row.
  const overTimeView = page.getByRole('tablist', { name: 'Tokens over time: view' })
  await overTimeView.getByRole('tab', { name: 'Table' }).click()
  const bucketRows = page
    .getByRole('table', { name: 'Tokens over time' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
  await expect(bucketRows.first()).toBeVisible()
  const bucketCount = await bucketRows.count()
  const bucketCells = async (index: number) =>
    (await bucketRows.nth(index).getByRole('cell').allTextContents()).map((text) => text.trim())
  const [firstBucket, lastBucket, beforeLastBucket] = [
    await bucketCells(0),
    await bucketCells(bucketCount - 1),
    await bucketCells(bucketCount - 2),
  ]
  await overTimeView.getByRole('tab', { name: 'Chart' }).click()
  const overTimeBars = page.getByRole('figure', { name: 'Tokens over time' }).getByRole('img')
  await expect(overTimeBars).toHaveCount(bucketCount)
  const tooltip = page.getByRole('tooltip')
  const expectShown = async (cells: string[]) => {
    const [label, prompt, completion] = cells
    await expect(page.locator(':focus')).toHaveAttribute(
      'aria-label',
      `${label}: Prompt tokens ${prompt}, Completion tokens ${completion}`,
    )
    await expect(tooltip).toHaveText(
      new RegExp(`^${label}Prompt tokens\\s*${prompt}Completion tokens\\s*${completion}$`),
    )
  }
  // The chart tab, then its panel, then the bars: one tab stop, at the first bucket.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expectShown(firstBucket)
  await page.keyboard.press('End')
  await expectShown(lastBucket)
  await page.keyboard.press('ArrowLeft')
  await expectShown(beforeLastBucket)
  await page.keyboard.press('Escape')
  await expect(tooltip).toBeHidden()

  // Both agents are in the by-agent view, with exactly their own tokens.
  const byAgentChart = page.getByRole('figure', { name: 'Tokens by agent' })
  for (const [agent, usage] of [
    [first, firstUsage],
    [second, secondUsage],
  ] as const) {
    await expect(
      byAgentChart.getByRole('img', {
        name: `${agent.name}: Total tokens ${usage.total_tokens.toLocaleString('en-US')}`,
        exact: true,
      }),
    ).toBeVisible()
  }
  await page
    .getByRole('tablist', { name: 'Tokens by agent: view' })
    .getByRole('tab', { name: 'Table' })
    .click()
  const byAgent = page.getByRole('table', { name: 'Tokens by agent' })
  for (const [agent, usage] of [
    [first, firstUsage],
    [second, secondUsage],
  ] as const) {
    const row = byAgent.getByRole('row').filter({ hasText: agent.name })
    await expect(row).toHaveCount(1)
    const cells = await row.getByRole('cell').allTextContents()
    expect(cells.slice(1, 3).map(digits)).toEqual([usage.prompt_tokens, usage.completion_tokens])
    expect(digits(cells[5] ?? '')).toBe(usage.total_tokens)
  }

  // The CSV holds the totals and both agents.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^usage-.*-by-agent\.csv$/)
  const csv = await readFile((await download.path()) as string, 'utf8')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe(
    'section,name,id,start,prompt_tokens,completion_tokens,cached_tokens,reasoning_tokens,total_tokens,steps,runs',
  )
  const totalRow = (lines.find((line) => line.startsWith('total,')) ?? '').split(',')
  expect(Number(totalRow[8])).toBe(after.total_tokens)
  for (const agent of agents) {
    expect(lines.some((line) => line.startsWith(`agent,${agent.name},${agent.id},`))).toBe(true)
  }

  // A top run opens on its own page with its transcript.
  const topRuns = page.getByRole('table', { name: 'Top runs by tokens' })
  await topRuns.getByRole('row').filter({ hasText: second.name }).getByRole('link').click()
  await expect(page).toHaveURL(/\/runs\/run-[0-9a-f-]+$/)
  await expect(page.getByRole('list', { name: 'Transcript' })).toContainText('Only question')
})

test('usage: a range with no steps shows an empty state, and bad dates are refused', async ({
  page,
}) => {
  await page.goto('/usage?range=custom&from=2001-01-01&to=2001-01-31')
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'No usage in this range' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

  await page.goto('/usage?range=custom&from=2001-02-01&to=2001-01-01')
  await expect(page.getByRole('alert')).toContainText('must not be before the start date')
})
