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

  // Save the agent as a template from its page.
  await page.goto(`/agents/${agentId}`)
  const templateCard = page
    .getByRole('heading', { name: 'Template' })
    .locator('xpath=ancestor::*[@data-slot="card"][1]')
  await expect(templateCard.getByText('Not saved as a template.')).toBeVisible()
  await templateCard.getByRole('button', { name: 'Save as template' }).click()
  await page
    .getByRole('dialog', { name: 'Save as template' })
    .getByRole('button', { name: 'Save template' })
    .click()
  await expect(page).toHaveURL(new RegExp(`/templates/${templateName}`))
  await expect(page.getByRole('heading', { level: 1, name: templateName })).toBeVisible()
  await expect(page.getByText('Latest version 1')).toBeVisible()

  // Back on the agent: add a {{variable}} to a block, then save a new version with a message.
  await page.goto(`/agents/${agentId}`)
  const human = page.getByRole('form', { name: 'human' })
  await human
    .getByLabel('Value of human')
    .fill('The traveller is {{traveller}}; show <b>no</b> HTML.')
  await human.getByRole('button', { name: 'Save human' }).click()
  await expect(page.getByText('Saved human')).toBeVisible()
  await expect(templateCard.getByText(', version 1')).toBeVisible()
  await templateCard.getByRole('button', { name: 'Save new version' }).click()
  const versionDialog = page.getByRole('dialog', { name: 'Save new version' })
  await versionDialog.getByLabel('Message').fill('Ask for the traveller')
  await versionDialog.getByRole('button', { name: 'Save version' }).click()
  await expect(versionDialog).toBeHidden()
  await expect(templateCard.getByText(', version 2')).toBeVisible()

  // The template page: history with messages, and the two versions side by side.
  await templateCard.getByRole('link', { name: templateName }).click()
  await expect(page.getByText('Latest version 2')).toBeVisible()
  await page.getByRole('tab', { name: 'Versions (2)' }).click()
  const history = page.getByRole('region', { name: 'Version history' })
  await expect(history.getByText('Ask for the traveller')).toBeVisible()
  await expect(history.getByText('No message')).toBeVisible()
  const diff = page.getByLabel('Changes from version 1 to 2')
  const humanBlock = diff.getByRole('table', { name: 'Block human' })
  await expect(humanBlock.getByRole('cell', { name: /removed: A traveller\./ })).toBeVisible()
  await expect(
    humanBlock.getByRole('cell', { name: /added: The traveller is \{\{traveller\}\}/ }),
  ).toBeVisible()
  await expect(diff.getByText('Block persona: unchanged.')).toBeVisible()
  await expect(diff.getByText('Tools: unchanged.')).toBeVisible()
  // The comparison is a shareable URL.
  await expect(page).toHaveURL(/tab=versions/)
  await page.goto(`/templates/${templateName}?tab=versions&from=2&to=1`)
  await expect(page.getByLabel('Changes from version 2 to 1')).toBeVisible()

  // The memory tab marks the variable, as text (the HTML stays visible text).
  await page.getByRole('tab', { name: 'Memory' }).click()
  const block = page.getByLabel('Block human')
  await expect(block.locator('mark')).toHaveText('{{traveller}}')
  await expect(block.getByText('show <b>no</b> HTML', { exact: false })).toBeVisible()

  // Create an agent from version 2, filling the variable in a form made from that version.
  const newAgentName = uniqueName('paris-desk')
  await page.getByRole('button', { name: 'Create agent from template' }).click()
  const createDialog = page.getByRole('dialog', { name: `Create agent from ${templateName}` })
  await createDialog.getByLabel('Agent name').fill(newAgentName)
  await createDialog.getByRole('button', { name: 'Create agent' }).click()
  await expect(createDialog.getByRole('alert')).toHaveText('Fill in traveller.')
  await createDialog.getByLabel('traveller').fill('Ada Lovelace')
  await createDialog.getByRole('button', { name: 'Create agent' }).click()

  // The new agent's page: the value in its memory, its variables and its template version.
  await expect(page.getByRole('heading', { level: 1, name: newAgentName })).toBeVisible()
  await expect(page.getByRole('form', { name: 'human' }).getByLabel('Value of human')).toHaveValue(
    'The traveller is Ada Lovelace; show <b>no</b> HTML.',
  )
  await expect(templateCard.getByText(', version 2')).toBeVisible()
  const variables = templateCard.getByRole('table', { name: 'Memory variables' })
  await expect(variables.getByRole('row', { name: 'traveller Ada Lovelace' })).toBeVisible()

  // The template's agents and the list of templates.
  await page.goto(`/templates/${templateName}?tab=agents`)
  await expect(
    page.getByLabel(`Agent ${newAgentName}`).getByText('version 2', { exact: false }),
  ).toBeVisible()
  await page.goto(`/templates?q=${templateName}`)
  const row = page.getByRole('row', { name: new RegExp(templateName) })
  await expect(row.getByRole('cell').nth(1)).toHaveText('2')
  await expect(row.getByRole('cell').nth(2)).toHaveText(agentName)
  await expect(row.getByRole('list', { name: 'Memory variables' })).toHaveText('traveller')
  await expect(row.getByRole('cell').nth(4)).toHaveText('2')
})

test('the templates page saves an agent chosen from a list', async ({ page, request }) => {
  const agentName = uniqueName('listed')
  await createAgentByApi(request, agentName)
  await page.goto('/templates')
  await page.getByRole('button', { name: 'Save agent as template' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save as template' })
  await dialog.getByLabel('Template name').fill('has space')
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Choose the agent to save.')
  await dialog.getByRole('combobox', { name: 'Agent' }).selectOption({ label: agentName })
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('alert')).toContainText('letters, digits')
  await dialog.getByLabel('Template name').fill(`${agentName}-tpl`)
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${agentName}-tpl` })).toBeVisible()
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
