import { expect, test, type APIRequestContext } from '@playwright/test'

const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

async function createAgentByApi(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/v1/agents', { data: { name } })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { id: string }).id
}

interface BatchMessage {
  id: string
  agent_id: string
  batch_item_id: string
  role: string
}

// The e2e server's provider is scripted (scripts/e2e.ts): a plain user message is echoed back.
test('a batch over two agents runs from the console; its messages are grouped by request', async ({
  page,
  request,
}) => {
  const firstName = uniqueName('north')
  const secondName = uniqueName('south')
  const firstId = await createAgentByApi(request, firstName)
  const secondId = await createAgentByApi(request, secondName)
  const text = `Report in ${Date.now().toString(36)}`

  await page.goto('/batches')
  await page.getByRole('button', { name: 'New batch' }).click()
  const dialog = page.getByRole('dialog', { name: 'New batch' })
  await dialog.getByRole('button', { name: 'Start batch' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least one agent.')
  await dialog.getByLabel(firstName).check()
  await dialog.getByLabel(secondName).check()
  await dialog.getByLabel('Message').fill(text)
  await dialog.getByRole('button', { name: 'Start batch' }).click()

  await expect(page).toHaveURL(/\/batches\/job-[0-9a-f-]+/)
  const batchId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  await expect(page.getByText('completed', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('2 completed, 0 failed')).toBeVisible()

  const requests = page.getByRole('table', { name: 'Requests' })
  await expect(requests.getByRole('row')).toHaveCount(3)
  await expect(requests.getByRole('row', { name: new RegExp(firstId) })).toContainText('completed')
  await expect(requests.getByRole('row', { name: new RegExp(secondId) })).toContainText('completed')

  // Messages grouped by request: each agent's question and its answer together.
  const firstGroup = page.getByLabel(`Messages of agent ${firstId}`)
  const secondGroup = page.getByLabel(`Messages of agent ${secondId}`)
  await expect(firstGroup.getByRole('listitem')).toHaveCount(2)
  await expect(firstGroup.getByText('user')).toBeVisible()
  await expect(firstGroup.getByText(text)).toHaveCount(2)
  await expect(secondGroup.getByRole('listitem')).toHaveCount(2)

  // The order switch puts the newest first, and the URL keeps it.
  const groups = page.locator('[aria-label^="Messages of agent"]')
  await expect(groups.first()).toHaveAttribute('aria-label', `Messages of agent ${firstId}`)
  await page.getByRole('button', { name: 'Newest first' }).click()
  await expect(page).toHaveURL(/order=desc/)
  await expect(groups.first()).toHaveAttribute('aria-label', `Messages of agent ${secondId}`)

  // The same messages at both paths, with item and agent on each.
  const upstream = (await (
    await request.get(`/v1/messages/batches/${batchId}/messages?order=asc`)
  ).json()) as { messages: BatchMessage[] }
  const users = (await (await request.get(`/v1/batch-runs/${batchId}/messages`)).json()) as {
    messages: BatchMessage[]
  }
  expect(users.messages.map((m) => m.id)).toEqual(upstream.messages.map((m) => m.id))
  expect(users.messages.map((m) => [m.agent_id, m.role])).toEqual([
    [firstId, 'user'],
    [firstId, 'assistant'],
    [secondId, 'user'],
    [secondId, 'assistant'],
  ])
  expect(new Set(users.messages.map((m) => m.batch_item_id)).size).toBe(2)

  // The batch is a job of type batch too, and its job page leads back here.
  await page.goto(`/jobs/${batchId}`)
  await page.getByRole('link', { name: 'batch: open its requests and messages' }).click()
  await expect(page).toHaveURL(new RegExp(`/batches/${batchId}`))
})
