import { describe, expect, it } from 'vitest'

import type { BatchMessage } from '@/api/batches'

import { groupByItem, messageText } from './batch-messages'

const message = (id: string, item: string, text: string): BatchMessage => ({
  id,
  agent_id: `agent-${item}`,
  model: null,
  role: 'user',
  content: [{ type: 'text', text }],
  name: null,
  tool_calls: null,
  tool_call_id: null,
  step_id: null,
  run_id: null,
  otid: null,
  tool_returns: null,
  group_id: null,
  sender_id: null,
  batch_item_id: item,
  is_err: false,
  created_at: '',
  updated_at: '',
  created_by_id: '',
  last_updated_by_id: '',
})

describe('groupByItem', () => {
  it('keeps consecutive messages of an item together, in order', () => {
    const groups = groupByItem([
      message('1', 'a', 'x'),
      message('2', 'a', 'y'),
      message('3', 'b', 'z'),
      message('4', 'a', 'w'),
    ])
    expect(groups.map((group) => [group.itemId, group.messages.map((m) => m.id)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['3']],
      ['a', ['4']],
    ])
  })
})

describe('messageText', () => {
  it('reads text, then tool calls, then tool returns', () => {
    expect(messageText(message('1', 'a', 'hi'))).toBe('hi')
    const call = {
      ...message('2', 'a', ''),
      content: [],
      tool_calls: [
        { id: 'c', type: 'function' as const, function: { name: 'f', arguments: '{}' } },
      ],
    }
    expect(messageText(call)).toBe('f({})')
  })
})
