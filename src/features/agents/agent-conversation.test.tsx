import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { AgentConversation } from './agent-conversation'

// The stub replaces fetch before the modules under test load.
const network = vi.hoisted(() => {
  const handler = { current: (_request: Request): Promise<Response> => Promise.reject() }
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    handler.current(input instanceof Request ? input : new Request(input, init))
  return handler
})

// jsdom lays nothing out, so it has no scrolling to do.
Element.prototype.scrollIntoView = () => undefined

const NO_PROVIDER =
  'No LLM provider is configured, so agents cannot answer: start the server with --llm-endpoint URL --llm-model NAME'

const sse = (...events: unknown[]) =>
  new Response(
    events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n',
    {
      headers: { 'Content-Type': 'text/event-stream' },
    },
  )

const base = {
  date: '2026-01-01T00:00:00Z',
  name: null,
  otid: null,
  sender_id: null,
  step_id: 'step-1',
  run_id: 'run-1',
  seq_id: null,
}

function renderConversation() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // A router of one page, for the link to the run.
  const rootRoute = createRootRoute({ component: () => <AgentConversation agentId="agent-1" /> })
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory() })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

describe('AgentConversation', () => {
  let sent: Request[]
  beforeEach(() => {
    sent = []
  })

  it("shows the server's refusal, naming the flag that configures a provider", async () => {
    network.current = (request) => {
      sent.push(request)
      if (request.method === 'GET') return Promise.resolve(Response.json([]))
      return Promise.resolve(Response.json({ detail: NO_PROVIDER }, { status: 400 }))
    }
    renderConversation()
    expect(await screen.findByText('No messages yet')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Message'), 'Hello{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('--llm-endpoint')
    expect(sent.some((request) => request.url.endsWith('/v1/agents/agent-1/messages/stream'))).toBe(
      true,
    )
  })

  it('shows the streamed tool call, its return and the answer, then links the run', async () => {
    const reply = [
      {
        ...base,
        id: 'message-1',
        message_type: 'tool_call_message',
        tool_call: { name: 'add', arguments: '{"first":1}', tool_call_id: 'call-1' },
        tool_calls: [{ name: 'add', arguments: '{"first":1}', tool_call_id: 'call-1' }],
      },
      {
        ...base,
        id: 'message-2',
        message_type: 'tool_return_message',
        tool_return: '2',
        status: 'success',
        tool_call_id: 'call-1',
        stdout: null,
        stderr: null,
        tool_returns: [],
      },
      { ...base, id: 'message-3', message_type: 'assistant_message', content: 'It is 2.' },
    ]
    let stored: unknown[] = []
    network.current = (request) => {
      if (request.method === 'GET') return Promise.resolve(Response.json(stored))
      // What the server keeps once the reply has streamed, newest first as it lists them.
      const user = { ...base, id: 'message-0', message_type: 'user_message', content: 'Add please' }
      stored = [...reply].reverse().concat(user)
      return Promise.resolve(
        sse({ message_type: 'ping', run_id: 'run-1' }, ...reply, {
          message_type: 'stop_reason',
          stop_reason: 'end_turn',
        }),
      )
    }
    renderConversation()
    await userEvent.type(await screen.findByLabelText('Message'), 'Add please')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByText('It is 2.')).toBeInTheDocument()
    expect(screen.getByLabelText('Arguments of add')).toHaveTextContent('"first": 1')
    expect(screen.getByText('success')).toBeInTheDocument()
    expect(screen.getByText('Add please')).toBeInTheDocument()
    const runLink = await screen.findByRole('link', { name: 'Open the run' })
    expect(runLink).toHaveAttribute('href', '/runs/run-1')
    expect(screen.getByText('end_turn')).toBeInTheDocument()
  })
})
