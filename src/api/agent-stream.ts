import { authHeaders, getConnection, serverOrigin } from '@/lib/connection'

import { ApiError, reportUnauthorized, type AsReceived } from './client'
import type { components } from './generated/schema'

export type LettaMessage = AsReceived<components['schemas']['LettaMessageUnion']>
export type LettaStopReason = components['schemas']['LettaStopReason']
export type LettaUsage = components['schemas']['LettaUsageStatistics']
export type StreamRequest = components['schemas']['LettaStreamingRequest']

/** What the server reports when the provider failed mid-stream (`event: error`). */
export interface StreamError {
  message_type: 'error_message'
  run_id?: string | null
  error_type?: string
  message?: string
  detail?: string
}

export interface StreamPing {
  message_type: 'ping'
  run_id?: string | null
}

export type StreamEvent = LettaMessage | LettaStopReason | LettaUsage | StreamError | StreamPing

/** One server-sent event: its `event:` name (empty for plain messages) and joined `data:` lines. */
export interface SseFrame {
  event: string
  data: string
}

/** Splits a text stream into SSE frames; `push` returns the frames a chunk completed. */
export function createSseParser() {
  let buffer = ''
  return {
    push(chunk: string): SseFrame[] {
      buffer += chunk.replace(/\r\n?/g, '\n')
      const frames: SseFrame[] = []
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const frame = parseFrame(block)
        if (frame) frames.push(frame)
        end = buffer.indexOf('\n\n')
      }
      return frames
    },
  }
}

function parseFrame(block: string): SseFrame | undefined {
  let event = ''
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  return data.length ? { event, data: data.join('\n') } : undefined
}

/** A frame's payload as an event; `[DONE]` and text that is not a JSON object give undefined. */
export function toStreamEvent(frame: SseFrame): StreamEvent | undefined {
  if (frame.data === '[DONE]') return undefined
  let value: unknown
  try {
    value = JSON.parse(frame.data)
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || !('message_type' in value)) return undefined
  if (frame.event === 'error') return { ...(value as object), message_type: 'error_message' }
  return value as StreamEvent
}

async function failure(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`.trim()
  try {
    const body = (await response.json()) as { detail?: unknown }
    if (typeof body.detail === 'string') detail = body.detail
    else if (body.detail !== undefined) detail = JSON.stringify(body.detail)
  } catch {
    // The status line says enough when the body is not JSON.
  }
  return new ApiError(response.status, detail)
}

/**
 * Sends messages to an agent over `/messages/stream` and calls `onEvent` for each event as it
 * arrives. The one request the app makes outside the generated client: openapi-fetch reads whole
 * bodies, and a stream has to be read as it comes. It goes to the same server with the same
 * password. A 4xx/5xx answer before the stream starts rejects with its detail.
 */
export async function streamAgentMessages(
  agentId: string,
  body: StreamRequest,
  onEvent: (event: StreamEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const connection = getConnection()
  const url = new URL(
    `/v1/agents/${encodeURIComponent(agentId)}/messages/stream`,
    serverOrigin(connection),
  )
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        ...authHeaders(connection.password),
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(body),
      signal: signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, `Cannot reach the server at ${serverOrigin(connection)}`)
  }
  reportUnauthorized(response)
  if (!response.ok || !response.body) throw await failure(response)

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const parser = createSseParser()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    for (const frame of parser.push(value)) {
      const event = toStreamEvent(frame)
      if (event) onEvent(event)
    }
  }
}
