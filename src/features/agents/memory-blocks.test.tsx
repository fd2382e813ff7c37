import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import type { Block } from '@/api/agents'

import { MemoryBlocks } from './memory-blocks'

// The stub replaces fetch before the modules under test load.
const network = vi.hoisted(() => {
  const handler = { current: (_request: Request): Promise<Response> => Promise.reject() }
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    handler.current(input instanceof Request ? input : new Request(input, init))
  return handler
})

const human: Block = {
  id: 'block-1',
  label: 'human',
  value: 'Ada',
  limit: 20,
  description: null,
  read_only: false,
  hidden: null,
  metadata: {},
  tags: [],
  project_id: null,
  is_template: false,
  template_name: null,
  template_id: null,
  base_template_id: null,
  deployment_id: null,
  entity_id: null,
  preserve_on_migration: false,
  created_by_id: null,
  last_updated_by_id: null,
}

function renderBlocks() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryBlocks agentId="agent-1" blocks={[human]} />
    </QueryClientProvider>,
  )
}

describe('MemoryBlocks', () => {
  it('counts characters against the limit and sends nothing over it', async () => {
    const sent: Request[] = []
    network.current = (request) => {
      sent.push(request)
      return Promise.resolve(Response.json(human))
    }
    renderBlocks()
    expect(screen.getByText('3 / 20 characters')).toBeInTheDocument()
    const value = screen.getByLabelText('Value of human')
    await userEvent.clear(value)
    await userEvent.paste('x'.repeat(21))
    expect(screen.getByText('21 / 20 characters')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('over the limit of 20')
    expect(value).toHaveAttribute('aria-invalid', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Save human' }))
    expect(sent).toHaveLength(0)
  })

  it("shows the server's refusal and keeps what was typed", async () => {
    const sent: Request[] = []
    network.current = (request) => {
      sent.push(request)
      return Promise.resolve(
        Response.json({ detail: 'The value of block "human" is over its limit' }, { status: 400 }),
      )
    }
    renderBlocks()
    const value = screen.getByLabelText('Value of human')
    await userEvent.type(value, ' Lovelace')
    await userEvent.click(screen.getByRole('button', { name: 'Save human' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('over its limit')
    expect(value).toHaveValue('Ada Lovelace')
    expect(sent[0]?.method).toBe('PATCH')
    expect(sent[0]?.url).toMatch(/\/v1\/agents\/agent-1\/core-memory\/blocks\/human$/)
    expect(await sent[0]?.json()).toEqual({ value: 'Ada Lovelace', limit: 20 })
  })
})
