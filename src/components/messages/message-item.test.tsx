import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { formatArguments, MessageList, type LettaMessage } from './message-item'

const base = {
  date: '2026-01-01T00:00:00Z',
  name: null,
  otid: null,
  sender_id: null,
  step_id: null,
  run_id: 'run-1',
}

const transcript: LettaMessage[] = [
  { ...base, id: 'message-0', message_type: 'system_message', content: 'You are Letta.' },
  { ...base, id: 'message-1', message_type: 'user_message', content: 'What is <b>2+2</b>?' },
  {
    ...base,
    id: 'message-2',
    message_type: 'reasoning_message',
    reasoning: 'The user wants a sum.',
    source: 'non_reasoner_model',
    signature: null,
  },
  {
    ...base,
    id: 'message-2',
    message_type: 'tool_call_message',
    tool_call: { name: 'add', arguments: '{"a":2,"b":2}', tool_call_id: 'call-1' },
    tool_calls: [{ name: 'add', arguments: '{"a":2,"b":2}', tool_call_id: 'call-1' }],
  },
  {
    ...base,
    id: 'message-3',
    message_type: 'tool_return_message',
    tool_return: '4',
    status: 'error',
    tool_call_id: 'call-1',
    stdout: ['printed\n'],
    stderr: null,
    tool_returns: [],
  },
  { ...base, id: 'message-4', message_type: 'assistant_message', content: 'It is 4.' },
]

describe('MessageList', () => {
  it('shows each message type in its own way, text as text', async () => {
    render(<MessageList aria-label="Transcript" messages={transcript} />)
    const list = screen.getByRole('list', { name: 'Transcript' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(6)
    // Markup someone typed is shown, not rendered.
    expect(screen.getByText('What is <b>2+2</b>?')).toBeInTheDocument()
    expect(screen.getByText('It is 4.')).toBeInTheDocument()
    expect(screen.getByLabelText('Arguments of add')).toHaveTextContent('"a": 2')
    expect(screen.getByText('error')).toBeInTheDocument()

    // Reasoning and the system prompt start collapsed; a native summary opens them (keyboard too).
    const reasoning = screen.getByText('Reasoning').closest('details')
    expect(reasoning).not.toHaveAttribute('open')
    expect(screen.getByText('System prompt').closest('details')).not.toHaveAttribute('open')
    await userEvent.click(screen.getByText('Reasoning'))
    expect(reasoning).toHaveAttribute('open')
  })

  it('marks messages from a failed step and shows unknown types as JSON', () => {
    const odd = { ...base, id: 'message-9', message_type: 'event_message', detail: 'x' }
    render(
      <MessageList
        messages={[
          {
            ...base,
            id: 'message-5',
            message_type: 'assistant_message',
            content: 'partial',
            is_err: true,
          },
          odd as unknown as LettaMessage,
        ]}
      />,
    )
    expect(screen.getByText('From a failed step')).toBeInTheDocument()
    expect(screen.getByText('event_message')).toBeInTheDocument()
  })
})

describe('formatArguments', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(formatArguments('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(formatArguments('not json')).toBe('not json')
  })
})
