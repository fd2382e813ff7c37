import { describe, expect, it } from 'vitest'

import { applyStreamEvent, type StreamState } from './use-agent-stream'

const start: StreamState = {
  sent: 'hi',
  messages: [],
  runId: undefined,
  stopReason: undefined,
  usage: undefined,
  error: undefined,
  streaming: true,
}

const message = {
  id: 'message-1',
  date: '2026-01-01T00:00:00Z',
  name: null,
  otid: null,
  sender_id: null,
  step_id: null,
  run_id: 'run-1',
  message_type: 'assistant_message' as const,
  content: 'Hello',
}

describe('applyStreamEvent', () => {
  it('collects messages and learns the run, the stop reason and the usage', () => {
    let state = applyStreamEvent(start, { message_type: 'ping', run_id: 'run-1' })
    state = applyStreamEvent(state, message)
    state = applyStreamEvent(state, { message_type: 'stop_reason', stop_reason: 'end_turn' })
    expect(state.runId).toBe('run-1')
    expect(state.messages).toEqual([message])
    expect(state.stopReason).toBe('end_turn')
  })

  it('keeps the detail of a provider failure', () => {
    const state = applyStreamEvent(start, {
      message_type: 'error_message',
      run_id: 'run-2',
      message: 'An error occurred with the LLM request.',
      detail: 'Provider answered 500',
    })
    expect(state.error).toBe('Provider answered 500')
    expect(state.runId).toBe('run-2')
  })
})
