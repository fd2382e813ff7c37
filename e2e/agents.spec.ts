import { expect, test } from '@playwright/test'

/** A Python identifier no other test (or earlier run on the same server) has used. */
const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`

function toolSource(name: string) {
  return [
    `def ${name}(first: int, second: int = 1) -> str:`,
    '    """',
    '    Add two numbers.',
    '',
    '    Args:',
    '        first (int): The first number.',
    '        second (int): The second number.',
    '',
    '    Returns:',
    '        str: The sum.',
    '    """',
    '    return str(first + second)',
    '',
  ].join('\n')
}

// The e2e server's provider is scripted (scripts/e2e-server.ts): a message naming a tool calls it with
// its required arguments filled in (integers are 1), and the tool's result is quoted back.
test('creates an agent with a custom tool, talks to it, edits its memory and opens the run', async ({
  page,
}) => {
  const toolName = uniqueName('add')
  const agentName = uniqueName('helper')

  await page.goto('/tools')
  await page.getByRole('button', { name: 'New tool' }).first().click()
  const toolDialog = page.getByRole('dialog', { name: 'New tool' })
  await toolDialog.getByLabel('Python source').fill(toolSource(toolName))
  await toolDialog.getByRole('button', { name: 'Create tool' }).click()
  await expect(page).toHaveURL(/\/tools\/tool-[0-9a-f-]+$/)

  await page.goto('/agents')
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible()
  await page.getByRole('button', { name: 'New agent' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New agent' })
  await dialog.getByLabel('Name').fill(agentName)
  await expect(dialog.getByRole('combobox', { name: 'Model' })).toHaveValue(/scripted-model/)
  await dialog.getByRole('checkbox', { name: toolName }).check()
  await dialog.getByLabel('Tags').fill('e2e')
  await dialog.getByRole('button', { name: 'Create agent' }).click()

  await expect(page).toHaveURL(/\/agents\/agent-[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { level: 1, name: agentName })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Attached tools' })).toContainText(toolName)

  const composer = page.getByLabel('Message', { exact: true })
  await composer.fill(`Please add with ${toolName}.`)
  await composer.press('Enter')

  const log = page.getByRole('log', { name: 'Messages' })
  await expect(log.getByLabel(`Arguments of ${toolName}`)).toContainText('"first": 1')
  await expect(log.locator('[data-message-type="tool_return_message"]').last()).toContainText(
    'success',
  )
  await expect(log.getByText('The tool returned: 2')).toBeVisible()
  await expect(page.getByText('Stopped:')).toBeVisible()

  // Memory: a value over its limit is refused before saving; a fitting one is saved and kept.
  const human = page.getByRole('form', { name: 'human' })
  await human.getByLabel('Limit').fill('10')
  await human.getByLabel('Value of human').fill('This is far longer than ten characters.')
  await expect(human.getByRole('alert')).toContainText('over the limit of 10')
  await human.getByLabel('Value of human').fill('Likes sums')
  await expect(human.getByText('10 / 10 characters')).toBeVisible()
  await human.getByRole('button', { name: 'Save human' }).click()
  await expect(page.getByText('Saved human')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('form', { name: 'human' }).getByLabel('Value of human')).toHaveValue(
    'Likes sums',
  )

  // The run is listed on the agent's page and on /runs, and its page shows steps and transcript.
  await page.getByRole('list', { name: 'Latest runs' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/runs\/run-[0-9a-f-]+$/)
  await expect(page.getByText('completed')).toBeVisible()
  const steps = page.getByRole('table', { name: 'Steps' })
  await expect(steps.locator('[data-step-id]')).toHaveCount(2)
  await expect(steps).toContainText('scripted-model')
  await expect(page.getByRole('list', { name: 'Transcript' })).toContainText('The tool returned: 2')

  await page.goto('/runs')
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Runs' })).toContainText(agentName)
})

test('finds an agent from the overview and the palette, then deletes it after confirmation', async ({
  page,
  request,
}) => {
  const name = uniqueName('doomed')
  const created = await request.post('/v1/agents', { data: { name } })
  expect(created.ok(), await created.text()).toBe(true)

  await page.goto('/')
  await expect(page.getByTestId('count-agents')).toHaveText(/^[1-9]\d*$/)
  await expect(page.getByTestId('count-runs')).toHaveText(/^\d+\+?$/)
  await page.keyboard.press('Control+k')
  // The palette's code loads on first use: type once it is open.
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await page.keyboard.type(name)
  // Agents are searched once typing pauses; the one found opens the agent.
  const found = page.getByRole('option', { name: new RegExp(name) })
  await expect(found).toBeVisible()
  await found.click()
  await expect(page).toHaveURL(/\/agents\/agent-[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  await page.goto(`/agents?q=${name}`)
  await expect(page.getByRole('table', { name: 'Agents' })).toContainText(name)
  await page.getByRole('button', { name: `Delete ${name}` }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete agent' }).click()
  await expect(page.getByText(`Deleted ${name}`)).toBeVisible()
  await expect(page.getByRole('status')).toContainText('No agents match')
})
