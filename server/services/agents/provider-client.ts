import type { StopReason } from '../../storage/runs-repository.ts'
import { signalWithTimeout } from '../timeout-signal.ts'

/** A message in OpenAI's chat-completions shape. */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string }

export interface ChatToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

export interface ChatTool {
  type: 'function'
  function: { name: string; description?: string; parameters: Record<string, unknown> }
}

export interface ChatRequest {
  endpoint: string
  apiKey: string | undefined
  model: string
  messages: ChatMessage[]
  tools: ChatTool[]
  toolChoice: 'auto' | 'required'
  signal: AbortSignal
}

export interface ChatUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cached_tokens?: number | undefined
  reasoning_tokens?: number | undefined
}

export interface ChatResult {
  content: string | null
  reasoning: string | null
  toolCalls: ChatToolCall[]
  finishReason: string | null
  usage: ChatUsage
}

/** A provider failure, with the stop reason it ends the run with and a message a person can act on. */
export class ProviderError extends Error {
  constructor(
    readonly stopReason: Extract<StopReason, 'llm_api_error' | 'invalid_llm_response'>,
    /** Letta's error types: llm_error, llm_rate_limit, llm_timeout, llm_authentication, ... */
    readonly errorType: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message)
    this.name = 'ProviderError'
  }
}

/** How long one model call may take before it counts as failed. */
export const PROVIDER_TIMEOUT_MS = 300_000
// Enough of an error body to explain it, not enough to flood a stored error.
const ERROR_BODY_CHARS = 500

function errorTypeOf(status: number): string {
  if (status === 401 || status === 403) return 'llm_authentication'
  if (status === 429) return 'llm_rate_limit'
  if (status === 402) return 'llm_insufficient_credits'
  if (status === 400 || status === 404 || status === 422) return 'llm_bad_request'
  return 'llm_error'
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof AggregateError && cause.errors[0] instanceof Error)
    return cause.errors[0].message
  if (cause instanceof Error) return cause.message
  return error instanceof Error ? error.message : String(error)
}

/** The provider's own explanation from an error body: OpenAI's `{error: {message}}` or plain text. */
function explain(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; detail?: unknown }
    const message =
      typeof parsed.error === 'string'
        ? parsed.error
        : typeof parsed.error?.message === 'string'
          ? parsed.error.message
          : typeof parsed.detail === 'string'
            ? parsed.detail
            : undefined
    if (message) return message.slice(0, ERROR_BODY_CHARS)
  } catch {
    // Not JSON: the text itself explains it.
  }
  return body.trim().slice(0, ERROR_BODY_CHARS) || '(no body)'
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined

function parseUsage(raw: unknown): ChatUsage {
  const usage = (raw ?? {}) as Record<string, unknown>
  const prompt = count(usage.prompt_tokens) ?? 0
  const completion = count(usage.completion_tokens) ?? 0
  const promptDetails = (usage.prompt_tokens_details ?? {}) as Record<string, unknown>
  const completionDetails = (usage.completion_tokens_details ?? {}) as Record<string, unknown>
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: count(usage.total_tokens) ?? prompt + completion,
    cached_tokens: count(promptDetails.cached_tokens),
    reasoning_tokens: count(completionDetails.reasoning_tokens),
  }
}

function parseToolCalls(raw: unknown): ChatToolCall[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((entry: unknown, index) => {
    const call = entry as { id?: unknown; function?: { name?: unknown; arguments?: unknown } }
    if (typeof call?.function?.name !== 'string') return []
    const args = call.function.arguments
    return [
      {
        id:
          typeof call.id === 'string' && call.id
            ? call.id
            : `call_${index}_${Date.now().toString(36)}`,
        type: 'function' as const,
        function: {
          name: call.function.name,
          arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
        },
      },
    ]
  })
}

/** One non-streaming chat-completions call; every failure becomes a ProviderError, except a cancel. */
export async function chatCompletion(request: ChatRequest): Promise<ChatResult> {
  const url = `${request.endpoint}/chat/completions`
  const body: Record<string, unknown> = { model: request.model, messages: request.messages }
  if (request.tools.length) {
    body.tools = request.tools
    body.tool_choice = request.toolChoice
  }
  const { signal, timedOut, clear } = signalWithTimeout([request.signal], PROVIDER_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal,
    })
  } catch (error) {
    clear()
    if (request.signal.aborted) throw request.signal.reason
    if (timedOut()) {
      throw new ProviderError(
        'llm_api_error',
        'llm_timeout',
        `The LLM provider at ${request.endpoint} did not answer within ${PROVIDER_TIMEOUT_MS / 1000} s`,
      )
    }
    throw new ProviderError(
      'llm_api_error',
      'llm_error',
      `The LLM provider at ${request.endpoint} could not be reached: ${describeCause(error)}`,
    )
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason
    throw new ProviderError(
      'llm_api_error',
      'llm_error',
      `The LLM provider's answer was cut off: ${describeCause(error)}`,
    )
  } finally {
    clear()
  }
  if (!response.ok) {
    throw new ProviderError(
      'llm_api_error',
      errorTypeOf(response.status),
      `The LLM provider answered HTTP ${response.status}: ${explain(text)}`,
      response.status,
    )
  }
  let parsed: {
    choices?: { message?: Record<string, unknown>; finish_reason?: unknown }[]
    usage?: unknown
  }
  try {
    parsed = JSON.parse(text) as typeof parsed
  } catch {
    throw new ProviderError(
      'invalid_llm_response',
      'llm_invalid_response',
      `The LLM provider's answer was not valid JSON: ${text.slice(0, 200) || '(empty body)'}`,
    )
  }
  const choice = parsed?.choices?.[0]
  const message = choice?.message
  if (!message || typeof message !== 'object') {
    throw new ProviderError(
      'invalid_llm_response',
      'llm_invalid_response',
      'The LLM provider answered without a message (no choices[0].message)',
    )
  }
  const reasoning = message.reasoning_content ?? message.reasoning
  return {
    content: typeof message.content === 'string' ? message.content : null,
    reasoning: typeof reasoning === 'string' && reasoning ? reasoning : null,
    toolCalls: parseToolCalls(message.tool_calls),
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    usage: parseUsage(parsed.usage),
  }
}
