import { describe, expect, it } from 'vitest'

import {
  blockProblem,
  initialBlocks,
  parseLimit,
  parseTags,
  toAgentCreate,
  type AgentDraft,
} from './agent-form'

const draft = (patch: Partial<AgentDraft> = {}): AgentDraft => ({
  name: 'helper',
  model: 'openai/gpt-test',
  system: '',
  blocks: initialBlocks(),
  toolIds: ['tool-1'],
  sourceIds: [],
  tags: 'a, b, a, ',
  ...patch,
})

describe('agent form', () => {
  it('builds the create request with trimmed names, default limits and unique tags', () => {
    const result = toAgentCreate(draft({ name: '  helper  ' }))
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'helper',
        model: 'openai/gpt-test',
        system: null,
        memory_blocks: [
          { label: 'persona', value: 'I am a helpful assistant.', limit: 5000 },
          { label: 'human', value: '', limit: 5000 },
        ],
        tool_ids: ['tool-1'],
        folder_ids: [],
        tags: ['a', 'b'],
      },
    })
  })

  it('refuses a missing name, a repeated label and a value over its limit', () => {
    expect(toAgentCreate(draft({ name: ' ' }))).toEqual({
      ok: false,
      reason: 'Give the agent a name.',
    })
    const twice = [
      { key: 1, label: 'human', value: '', limit: '' },
      { key: 2, label: 'human', value: '', limit: '' },
    ]
    expect(toAgentCreate(draft({ blocks: twice }))).toEqual({
      ok: false,
      reason: 'Two blocks are labelled "human".',
    })
    const over = [{ key: 1, label: 'human', value: 'x'.repeat(11), limit: '10' }]
    const result = toAgentCreate(draft({ blocks: over }))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/11 characters: over the limit of 10/)
  })

  it('reads limits as whole numbers within the server bounds', () => {
    expect(parseLimit('')).toBe(5000)
    expect(parseLimit(' 400 ')).toBe(400)
    expect(parseLimit('0')).toBeUndefined()
    expect(parseLimit('1.5')).toBeUndefined()
    expect(parseLimit('2000000')).toBeUndefined()
    expect(blockProblem({ key: 1, label: 'x', value: '', limit: 'many' })).toMatch(/whole number/)
  })

  it('splits tags on commas', () => {
    expect(parseTags(' support , ,beta,support')).toEqual(['support', 'beta'])
  })
})
