/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers from a script, for tests
 * of the agent loop (vitest and Playwright alike: no test-runner imports here). Replies are taken
 * from a queue; when it is empty, a deterministic default answers (see defaultReply).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ScriptedUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens?: number
  cached_tokens?: number
  reasoning_tokens?: number
}

export interface ScriptedToolCall {
  name: string
  /** An object is sent as its JSON; a string is sent as is (so malformed JSON can be scripted). */
  arguments?: Record<string, unknown> | string
  id?: string
}

export type ScriptedReply =
  | {
      kind: 'answer'
      content?: string | null
      reasoning?: string
      toolCalls?: ScriptedToolCall[]
      usage?: ScriptedUsage
      finishReason?: string
      delayMs?: number
    }
  | { kind: 'http-error'; status: number; body?: unknown; delayMs?: number }
  /** A 200 whose body is not JSON. */
  | { kind: 'malformed'; body?: string; delayMs?: number }
  /** Never answers; the request ends only when the client gives up. */
  | { kind: 'hang' }

export interface RecordedRequest {
  path: string
  authorization: string | undefined
  body: ChatBody
}

export interface ChatBody {
  model: string
  messages: {
    role: string
    content: string | null
    tool_calls?: unknown[]
    tool_call_id?: string
  }[]
  tools?: {
    type: 'function'
    function: {
      name: string
      parameters?: { properties?: Record<string, { type?: string }>; required?: string[] }
    }
  }[]
  tool_choice?: unknown
}

export interface ScriptedProvider {
  /** Base URL to give as the LLM endpoint, ending in /v1. */
  url: string
  model: string
  /** Every chat-completions request received, in order. */
  requests: RecordedRequest[]
  enqueue(...replies: ScriptedReply[]): void
  /** Replies still queued. */
  pending(): number
  close(): Promise<void>
}

/** An assistant answer with text only. */
export const answer = (content: string, usage?: ScriptedUsage): ScriptedReply => ({
  kind: 'answer',
  content,
  ...(usage ? { usage } : {}),
})

/** An assistant answer calling one tool. */
export const callTool = (
  name: string,
  args: Record<string, unknown> | string = {},
  usage?: ScriptedUsage,
): ScriptedReply => ({
  kind: 'answer',
  content: null,
  toolCalls: [{ name, arguments: args }],
  ...(usage ? { usage } : {}),
})

function textOf(message: ChatBody['messages'][number] | undefined): string {
  return typeof message?.content === 'string' ? message.content : ''
}

function placeholderFor(type: string | undefined): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    case 'array':
      return []
    case 'object':
      return {}
    default:
      return 'scripted'
  }
}

/**
 * The default when nothing is queued, deterministic so a server started once can serve e2e:
 * a user message naming an offered tool gets a call to it (required arguments filled in); a tool
 * result gets a plain answer quoting it; anything else is echoed. Agents that must reply through
 * send_message get their answers as send_message calls.
 */
export function defaultReply(body: ChatBody): ScriptedReply {
  const tools = body.tools ?? []
  const last = body.messages.at(-1)
  const offers = (name: string) => tools.some((tool) => tool.function.name === name)
  const reply = (text: string): ScriptedReply =>
    offers('send_message')
      ? callTool('send_message', { message: text, request_heartbeat: false })
      : answer(text)
  if (last?.role === 'tool') {
    const result = textOf(last)
    let message = result
    try {
      message = String((JSON.parse(result) as { message?: unknown }).message ?? result)
    } catch {
      // A plain result is quoted as it is.
    }
    return reply(`The tool returned: ${message}`)
  }
  const text = textOf(last)
  const named = tools.find(
    (tool) => tool.function.name !== 'send_message' && text.includes(tool.function.name),
  )
  if (last?.role === 'user' && named) {
    const parameters = named.function.parameters ?? {}
    const args: Record<string, unknown> = {}
    for (const name of parameters.required ?? []) {
      args[name] =
        name === 'request_heartbeat' ? true : placeholderFor(parameters.properties?.[name]?.type)
    }
    return callTool(named.function.name, args)
  }
  return reply(`You said: ${text}`)
}

function usageOf(body: ChatBody, usage: ScriptedUsage | undefined) {
  const prompt = usage?.prompt_tokens ?? Math.ceil(JSON.stringify(body.messages).length / 4)
  const completion = usage?.completion_tokens ?? 12
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage?.total_tokens ?? prompt + completion,
    ...(usage?.cached_tokens === undefined
      ? {}
      : { prompt_tokens_details: { cached_tokens: usage.cached_tokens } }),
    ...(usage?.reasoning_tokens === undefined
      ? {}
      : { completion_tokens_details: { reasoning_tokens: usage.reasoning_tokens } }),
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function startScriptedProvider(
  options: { model?: string } = {},
): Promise<ScriptedProvider> {
  const model = options.model ?? 'scripted-model'
  const queue: ScriptedReply[] = []
  const requests: RecordedRequest[] = []
  const hanging = new Set<ServerResponse>()
  let calls = 0

  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '').replace(/\?.*$/, '')
      if (request.method === 'GET' && path === '/v1/models') {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({
            object: 'list',
            data: [{ id: model, object: 'model', owned_by: 'scripted' }],
          }),
        )
        return
      }
      if (request.method !== 'POST' || path !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ error: { message: `No route ${request.method} ${path}` } }))
        return
      }
      const body = JSON.parse(await readBody(request)) as ChatBody
      requests.push({ path, authorization: request.headers.authorization, body })
      const reply = queue.shift() ?? defaultReply(body)
      if (reply.kind === 'hang') {
        hanging.add(response)
        response.on('close', () => hanging.delete(response))
        return
      }
      if (reply.delayMs) await sleep(reply.delayMs)
      if (reply.kind === 'http-error') {
        response.writeHead(reply.status, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify(reply.body ?? { error: { message: `Scripted HTTP ${reply.status}` } }),
        )
        return
      }
      if (reply.kind === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(reply.body ?? '{"choices": [')
        return
      }
      calls += 1
      const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
        id: call.id ?? `call_${calls}_${index}`,
        type: 'function',
        function: {
          name: call.name,
          arguments:
            typeof call.arguments === 'string'
              ? call.arguments
              : JSON.stringify(call.arguments ?? {}),
        },
      }))
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          id: `chatcmpl-${calls}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: reply.content ?? null,
                ...(reply.reasoning ? { reasoning_content: reply.reasoning } : {}),
                ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
              },
              finish_reason: reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop'),
            },
          ],
          usage: usageOf(body, reply.usage),
        }),
      )
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { message: String(error) } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    model,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
