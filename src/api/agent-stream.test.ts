import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  createSseParser,
  streamAgentMessages,
  toStreamEvent,
  type StreamEvent,
} from './agent-stream'
import { ApiError } from './client'

const encoder = new TextEncoder()

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('SSE parsing', () => {
  it('joins frames split across chunks and reads event names', () => {
    const parser = createSseParser()
    expect(parser.push('data: {"message_type":"ping"}\n')).toEqual([])
    expect(parser.push('\nevent: error\r\ndata: {"a":1}\r\n\r\n: comment\n\n')).toEqual([
      { event: '', data: '{"message_type":"ping"}' },
      { event: 'error', data: '{"a":1}' },
    ])
  })

  it('turns frames into events, error frames into error_message, and skips [DONE]', () => {
    expect(toStreamEvent({ event: '', data: '[DONE]' })).toBeUndefined()
    expect(toStreamEvent({ event: '', data: 'not json' })).toBeUndefined()
    expect(toStreamEvent({ event: 'error', data: '{"message_type":"x","detail":"boom"}' })).toEqual(
      { message_type: 'error_message', detail: 'boom' },
    )
  })
})

describe('streamAgentMessages', () => {
  it('posts to the stream endpoint and reports each event in order', async () => {
    const fetch = vi.fn((_url: URL, _init: RequestInit) =>
      Promise.resolve(
        new Response(
          streamOf(
            'data: {"message_type":"ping","run_id":"run-1"}\n\ndata: {"message_type":"assis',
            'tant_message","content":"hi"}\n\ndata: {"message_type":"stop_reason","stop_reason":"end_turn"}\n\n',
            'data: [DONE]\n\n',
          ),
          { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
        ),
      ),
    )
    vi.stubGlobal('fetch', fetch)
    const events: StreamEvent[] = []
    await streamAgentMessages('agent-1', { input: 'hello' }, (event) => events.push(event))
    expect(events.map((event) => event.message_type)).toEqual([
      'ping',
      'assistant_message',
      'stop_reason',
    ])
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(String(url)).toMatch(/\/v1\/agents\/agent-1\/messages\/stream$/)
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ input: 'hello' })
  })

  it("rejects with the server's detail when it refuses before streaming", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json(
            { detail: 'No LLM provider: start the server with --llm-endpoint' },
            { status: 400 },
          ),
        ),
      ),
    )
    const sending = streamAgentMessages('agent-1', { input: 'hello' }, () => undefined)
    await expect(sending).rejects.toBeInstanceOf(ApiError)
    await expect(sending).rejects.toThrow('--llm-endpoint')
  })

  it('says the server cannot be reached when nothing answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(streamAgentMessages('agent-1', { input: 'x' }, () => undefined)).rejects.toThrow(
      /Cannot reach the server/,
    )
  })
})
