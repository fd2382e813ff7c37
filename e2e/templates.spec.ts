import { expect, test, type APIRequestContext } from '@playwright/test'

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`

async function createAgentByApi(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/v1/agents', {
    data: {
      name,
      system: 'You are a travel desk. {CORE_MEMORY}',
      memory_blocks: [
        { label: 'persona', value: 'A friendly travel desk.' },
        { label: 'human', value: 'A traveller.' },
      ],
    },
  })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { id: string }).id
}

test('an agent saved as a template, versioned with a variable, makes a new agent with the value', async ({
  page,
  request,
}) => {
  const agentName = uniqueName('desk')
  const templateName = agentName
  const agentId = await createAgentByApi(request, agentName)

  // Save the agent as a template from the console.
  await page.goto('/templates')
  await page.getByRole('button', { name: 'Save agent as template' }).click()
  const saveDialog = page.getByRole('dialog', { name: 'Save as template' })
  await saveDialog.getByRole('combobox', { name: 'Agent' }).click()
  await page.getByRole('option', { name: agentName }).click()
  await saveDialog.getByRole('button', { name: 'Save template' }).click()
  await expect(page).toHaveURL(new RegExp(`/templates/${templateName}`))
  await expect(page.getByRole('heading', { level: 1, name: templateName })).toBeVisible()
  await expect(page.getByText('Latest version 1')).toBeVisible()

  // Add a {{variable}} to one of its blocks, then save a new version with a message.
  const edited = await request.patch(`/v1/agents/${agentId}/core-memory/blocks/human`, {
    data: { value: 'The traveller is {{traveller}}; show <b>no</b> HTML.' },
  })
  expect(edited.ok()).toBe(true)
  await page.getByRole('button', { name: 'Save new version' }).click()
  const versionDialog = page.getByRole('dialog', { name: 'Save new version' })
  await versionDialog.getByRole('combobox', { name: 'From agent' }).click()
  await page.getByRole('option', { name: agentName }).click()
  await versionDialog.getByLabel('Message').fill('Ask for the traveller')
  await versionDialog.getByRole('button', { name: 'Save version' }).click()
  await expect(versionDialog).toBeHidden()
  await expect(page.getByText('Latest version 2')).toBeVisible()

  // History lists both versions with their messages.
  await expect(page.getByRole('tab', { name: 'Versions (2)' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const history = page.getByRole('region', { name: 'Version history' })
  await expect(history.getByText('Ask for the traveller')).toBeVisible()
  await expect(history.getByText('No message')).toBeVisible()

  // The diff of the two versions shows the changed block side by side.
  const diff = page.getByLabel('Changes from version 1 to 2')
  const humanBlock = diff.getByRole('table', { name: 'Block human' })
  await expect(humanBlock.getByRole('cell', { name: /removed: A traveller\./ })).toBeVisible()
  await expect(
    humanBlock.getByRole('cell', { name: /added: The traveller is \{\{traveller\}\}/ }),
  ).toBeVisible()
  await expect(diff.getByText('Block persona: unchanged.')).toBeVisible()
  await expect(diff.getByText('Tools: unchanged.')).toBeVisible()

  // The memory tab marks the variable, as text (the HTML stays visible text).
  await page.getByRole('tab', { name: 'Memory' }).click()
  const block = page.getByLabel('Block human')
  await expect(block.locator('mark')).toHaveText('{{traveller}}')
  await expect(block.getByText('show <b>no</b> HTML', { exact: false })).toBeVisible()

  // Create an agent from version 2, filling the variable in a form made from it.
  const newAgentName = uniqueName('paris-desk')
  await page.getByRole('button', { name: 'Create agent from template' }).click()
  const createDialog = page.getByRole('dialog', { name: `Create agent from ${templateName}` })
  await createDialog.getByLabel('Agent name').fill(newAgentName)
  await createDialog.getByRole('button', { name: 'Create agent' }).click()
  await expect(createDialog.getByRole('alert')).toHaveText('Fill in traveller.')
  await createDialog.getByLabel('traveller').fill('Ada Lovelace')
  await createDialog.getByRole('button', { name: 'Create agent' }).click()
  await expect(createDialog).toBeHidden()

  // The new agent holds the value in its memory and lists its variables.
  await expect(page.getByRole('tab', { name: /Agents/ })).toHaveAttribute('aria-selected', 'true')
  const card = page.getByLabel(`Agent ${newAgentName}`)
  await expect(card.getByText('version 2', { exact: false })).toBeVisible()
  const variables = card.getByRole('table', { name: 'Memory variables' })
  await expect(variables.getByRole('row', { name: 'traveller Ada Lovelace' })).toBeVisible()
  await card.getByText(/Memory \(2 blocks\)/).click()
  await expect(card.getByText('The traveller is Ada Lovelace; show <b>no</b> HTML.')).toBeVisible()

  // The diff is a shareable URL: opening it shows the same comparison.
  await page.goto(`/templates/${templateName}?tab=versions&from=1&to=2`)
  await expect(page.getByLabel('Changes from version 1 to 2')).toBeVisible()

  // The list shows the latest version, the agent it came from and its variables.
  await page.goto(`/templates?q=${templateName}`)
  const row = page.getByRole('row', { name: new RegExp(templateName) })
  await expect(row.getByRole('cell').nth(1)).toHaveText('2')
  await expect(row.getByRole('cell').nth(2)).toHaveText(agentName)
  await expect(row.getByRole('list', { name: 'Memory variables' })).toHaveText('traveller')
})

test('an unknown template shows a not-found page', async ({ page }) => {
  await page.goto('/templates/no-such-template')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await expect(page.getByText('Template no-such-template not found')).toBeVisible()
})

test('deleting a template asks first and keeps its agents', async ({ page, request }) => {
  const agentName = uniqueName('gone')
  const agentId = await createAgentByApi(request, agentName)
  const saved = await request.post(`/v1/agents/${agentId}/template`, { data: {} })
  expect(saved.status()).toBe(201)
  await page.goto(`/templates/${agentName}`)
  await page.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: `Delete template ${agentName}?` })
  await expect(confirm).toContainText('Its agents (1) stay')
  await confirm.getByRole('button', { name: 'Delete template' }).click()
  await expect(page).toHaveURL(/\/templates(\?|$)/)
  expect((await request.get(`/v1/agents/${agentId}`)).ok()).toBe(true)
})
