import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { ToolRunPanel } from './tool-run-panel'

// The stub replaces fetch before the modules under test load.
const network = vi.hoisted(() => {
  const handler = { current: (_request: Request): Promise<Response> => Promise.reject() }
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    handler.current(input instanceof Request ? input : new Request(input, init))
  return handler
})

const schema = {
  name: 'add',
  description: 'Add two numbers.',
  parameters: {
    type: 'object',
    properties: {
      first: { type: 'integer', description: 'The first number.' },
      second: { type: 'integer', description: 'The second number.' },
      words: { type: 'array', items: { type: 'string' }, description: 'Some words.' },
    },
    required: ['first'],
  },
}

const source = 'def add(first: int, second: int = 1, words: list[str] = []) -> str: ...'

function renderPanel() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  render(
    <QueryClientProvider client={queryClient}>
      <ToolRunPanel sourceCode={source} schema={schema} returnCharLimit={500} />
    </QueryClientProvider>,
  )
}

const runResult = {
  id: 'message-1',
  date: '2026-01-01T00:00:00Z',
  message_type: 'tool_return_message',
  name: 'add',
  tool_call_id: 'call-1',
  tool_return: '42',
  status: 'success',
  stdout: ['adding\n'],
  stderr: [],
}

describe('ToolRunPanel', () => {
  let requests: { url: string; body: unknown }[]

  beforeEach(() => {
    requests = []
    network.current = async (request) => {
      requests.push({ url: request.url, body: await request.json() })
      return new Response(JSON.stringify(runResult), {
        headers: { 'content-type': 'application/json' },
      })
    }
  })

  it('sends the form as typed arguments with the editor source and shows the result', async () => {
    const user = userEvent.setup()
    renderPanel()
    await user.type(screen.getByRole('textbox', { name: /^first/ }), '41')
    await user.type(screen.getByRole('textbox', { name: /^words/ }), '[["a"]')
    await user.type(screen.getByLabelText('Environment variables'), 'TOKEN=abc')
    await user.click(screen.getByRole('button', { name: 'Run' }))

    expect(await screen.findByLabelText('Return value')).toHaveTextContent('42')
    expect(screen.getByLabelText('stdout')).toHaveTextContent('adding')
    expect(screen.getByText('success')).toBeInTheDocument()
    expect(requests).toEqual([
      {
        url: expect.stringMatching(/\/v1\/tools\/run$/) as unknown,
        body: {
          source_code: source,
          args: { first: 41, words: ['a'] },
          env_vars: { TOKEN: 'abc' },
          name: 'add',
          return_char_limit: 500,
        },
      },
    ])
  })

  it('names a wrong field and sends nothing', async () => {
    const user = userEvent.setup()
    renderPanel()
    await user.type(screen.getByRole('textbox', { name: /^second/ }), '1.5')
    await user.click(screen.getByRole('button', { name: 'Run' }))

    expect(screen.getByText('Required')).toBeInTheDocument()
    expect(screen.getByText('Enter a whole number')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: /^second/ })).toHaveAttribute('aria-invalid', 'true')
    expect(requests).toEqual([])
  })

  it('carries the arguments into raw JSON and back', async () => {
    const user = userEvent.setup()
    renderPanel()
    await user.type(screen.getByRole('textbox', { name: /^first/ }), '7')
    await user.click(screen.getByRole('tab', { name: 'JSON' }))
    const raw = screen.getByLabelText('Arguments (a JSON object)')
    expect(raw).toHaveValue('{\n  "first": 7\n}')

    await user.clear(raw)
    await user.type(raw, '{{"first": 3, "second": 4}')
    await user.click(screen.getByRole('tab', { name: 'Form' }))
    expect(screen.getByRole('textbox', { name: /^first/ })).toHaveValue('3')
    expect(screen.getByRole('textbox', { name: /^second/ })).toHaveValue('4')
  })

  it('shows the server refusing to run', async () => {
    network.current = () =>
      Promise.resolve(
        new Response(JSON.stringify({ detail: 'Tool execution is disabled on this server' }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
      )
    const user = userEvent.setup()
    renderPanel()
    await user.type(screen.getByRole('textbox', { name: /^first/ }), '1')
    await user.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Tool execution is disabled on this server',
      ),
    )
  })
})
