import { randomUUID } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'

import { errorResponses, HttpError } from '../http/errors.ts'
import { jsonBody, jsonResponse } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { AgentLoop, InputMessage, LoopResult } from '../services/agents/agent-loop.ts'
import type { AgentService } from '../services/agents/agent-service.ts'
import {
  toLettaMessages,
  type LettaMessage,
  type MessageType,
} from '../services/agents/letta-messages.ts'
import type { RunService } from '../services/agents/run-service.ts'
import { parseCallbackUrl } from '../services/callbacks.ts'
import { AgentIdParamsSchema } from './schemas/agent.ts'
import type { LettaRequestSchema } from './schemas/message.ts'
import {
  CancelAgentRunRequestSchema,
  LettaAsyncRequestSchema,
  LettaMessageSchema,
  LettaResponseSchema,
  LettaStreamingRequestSchema,
  LlmFailureSchema,
  MessageListQuerySchema,
} from './schemas/message.ts'
import { RunSchema } from './schemas/run.ts'

const tags = ['agents']
/** How often an idle stream sends a ping, so proxies keep it open. */
const KEEPALIVE_MS = 20_000

type LettaRequest = z.output<typeof LettaRequestSchema>

/** `messages`, or `input` as one user message. */
function inputMessages(body: LettaRequest): InputMessage[] {
  if (body.messages?.length) return body.messages
  if (body.input !== undefined && body.input !== null)
    return [{ role: 'user', content: body.input }]
  throw new HttpError(
    400,
    'Send messages (a list of {role, content}) or input (the text of a user message)',
  )
}

function requestConfig(body: LettaRequest) {
  return {
    use_assistant_message: true,
    assistant_message_tool_name: 'send_message',
    assistant_message_tool_kwarg: 'message',
    include_return_message_types: body.include_return_message_types ?? null,
  }
}

function keep(types: readonly MessageType[] | null | undefined) {
  return (message: LettaMessage) => !types?.length || types.includes(message.message_type)
}

const isProviderFailure = (result: LoopResult) =>
  result.stopReason === 'llm_api_error' || result.stopReason === 'invalid_llm_response'

type StreamingRequest = z.output<typeof LettaStreamingRequestSchema>

/** Runs the request, sending each Letta message as an event as soon as its step is stored. */
function streamReply(
  c: Context,
  loop: AgentLoop,
  agentId: string,
  body: StreamingRequest,
): Response {
  const prepared = loop.prepare({
    agentId,
    messages: inputMessages(body),
    maxSteps: body.max_steps ?? undefined,
    runType: 'send_message_streaming',
    requestConfig: requestConfig(body),
  })
  const wanted = keep(body.include_return_message_types)
  return streamSSE(c, async (stream) => {
    // A client that went away must not stop the run: its writes just go nowhere.
    const send = (payload: unknown, event?: string) =>
      stream
        .writeSSE({ data: JSON.stringify(payload), ...(event ? { event } : {}) })
        .catch(() => undefined)
    const ping = () =>
      send({ message_type: 'ping', id: `ping-${randomUUID()}`, run_id: prepared.run.id })
    if (body.include_pings !== false) await ping()
    const keepalive = setInterval(() => void ping(), KEEPALIVE_MS)
    let writes = Promise.resolve()
    prepared.input.onMessage = (message) => {
      if (wanted(message)) writes = writes.then(() => send(message))
    }
    try {
      const result = await loop.execute(prepared)
      await writes
      await send({ message_type: 'stop_reason', stop_reason: result.stopReason })
      if (result.error && result.stopReason !== 'cancelled') {
        await send(
          {
            message_type: 'error_message',
            run_id: result.run.id,
            error_type: result.errorType ?? 'internal_error',
            message: result.error,
            detail: result.error,
            seq_id: null,
          },
          'error',
        )
      } else {
        await send(result.usage)
      }
      await stream.writeSSE({ data: '[DONE]' }).catch(() => undefined)
    } finally {
      clearInterval(keepalive)
    }
  })
}

const sendRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/messages',
  tags,
  summary: 'Send messages to an agent and wait for its reply (or stream it, with streaming: true)',
  request: { params: AgentIdParamsSchema, body: jsonBody(LettaStreamingRequestSchema) },
  responses: {
    200: {
      description:
        'The messages the agent produced, its stop reason and usage; events when streaming',
      content: {
        'application/json': { schema: LettaResponseSchema },
        'text/event-stream': { schema: z.string() },
      },
    },
    502: jsonResponse(LlmFailureSchema, 'The LLM provider failed; the run is stored as failed'),
    ...errorResponses(400, 404, 422),
  },
})

const streamRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/messages/stream',
  tags,
  summary:
    'Send messages and receive each Letta message as server-sent events as its step completes',
  request: { params: AgentIdParamsSchema, body: jsonBody(LettaStreamingRequestSchema) },
  responses: {
    200: {
      description:
        'Events `data: <LettaMessage>`, then the stop_reason and usage_statistics, then `data: [DONE]`; failures add `event: error`',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 404, 422),
  },
})

const asyncRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/messages/async',
  tags,
  summary: 'Start a run in the background and return it at once; poll it or give a callback_url',
  request: { params: AgentIdParamsSchema, body: jsonBody(LettaAsyncRequestSchema) },
  responses: {
    200: jsonResponse(RunSchema, 'The run, just created'),
    ...errorResponses(400, 404, 422),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/v1/agents/{agent_id}/messages',
  tags,
  summary: "The agent's conversation as Letta messages, newest first",
  request: { params: AgentIdParamsSchema, query: MessageListQuerySchema },
  responses: {
    200: jsonResponse(z.array(LettaMessageSchema), 'The messages'),
    ...errorResponses(400, 404, 422),
  },
})

const cancelRoute = createRoute({
  method: 'post',
  path: '/v1/agents/{agent_id}/messages/cancel',
  tags,
  summary: "Cancel the agent's active runs (or those named in run_ids)",
  request: {
    params: AgentIdParamsSchema,
    body: {
      required: false,
      content: { 'application/json': { schema: CancelAgentRunRequestSchema } },
    },
  },
  responses: {
    200: jsonResponse(
      z.record(z.string(), z.string()),
      'Each run id with its status after the cancel',
    ),
    ...errorResponses(404, 422),
  },
})

/** Stored messages as Letta messages; within a stored message, parts follow the list order. */
export function lettaMessagesOf(
  agentType: Parameters<typeof toLettaMessages>[1],
  rows: Parameters<typeof toLettaMessages>[0],
  order: 'asc' | 'desc',
): LettaMessage[] {
  return rows.flatMap((row) => {
    const parts = toLettaMessages([row], agentType)
    return order === 'desc' ? parts.reverse() : parts
  })
}

export function agentMessageRoutes(agents: AgentService, loop: AgentLoop, runs: RunService) {
  return createRouter()
    .openapi(sendRoute, async (c) => {
      const body = c.req.valid('json')
      if (body.streaming) return streamReply(c, loop, c.req.valid('param').agent_id, body)
      const result = await loop.run({
        agentId: c.req.valid('param').agent_id,
        messages: inputMessages(body),
        maxSteps: body.max_steps ?? undefined,
        runType: 'send_message',
        requestConfig: requestConfig(body),
      })
      if (isProviderFailure(result)) {
        return c.json(
          {
            detail: result.error ?? 'The LLM provider failed',
            run_id: result.run.id,
            stop_reason: result.stopReason,
            error_type: result.errorType ?? 'llm_error',
          },
          502,
        )
      }
      return c.json(
        {
          messages: result.messages.filter(keep(body.include_return_message_types)),
          stop_reason: { message_type: 'stop_reason' as const, stop_reason: result.stopReason },
          usage: result.usage,
        },
        200,
      )
    })
    .openapi(streamRoute, (c) =>
      streamReply(c, loop, c.req.valid('param').agent_id, c.req.valid('json')),
    )
    .openapi(asyncRoute, (c) => {
      const body = c.req.valid('json')
      if (body.callback_url) {
        const { problem } = parseCallbackUrl(body.callback_url, 'callback_url')
        if (problem) throw new HttpError(400, problem)
      }
      const prepared = loop.prepare({
        agentId: c.req.valid('param').agent_id,
        messages: inputMessages(body),
        maxSteps: body.max_steps ?? undefined,
        runType: 'send_message_async',
        background: true,
        requestConfig: requestConfig(body),
        callbackUrl: body.callback_url,
      })
      // The loop records its own failures on the run; nothing is left for this promise to report.
      loop.execute(prepared).catch((error: unknown) => {
        runs.fail(prepared.run.id, error instanceof Error ? error.message : String(error))
      })
      return c.json(prepared.run, 200)
    })
    .openapi(listRoute, (c) => {
      const agent = agents.record(c.req.valid('param').agent_id)
      const query = c.req.valid('query')
      const order = query.order ?? 'desc'
      const rows = agents.messages.list(
        { agentId: agent.id, groupId: query.group_id },
        { before: query.before, after: query.after, limit: query.limit, order },
        'desc',
      )
      const messages = lettaMessagesOf(agent.agent_type, rows, order).filter(
        keep(query.include_return_message_types),
      )
      return c.json(messages, 200)
    })
    .openapi(cancelRoute, async (c) => {
      const agent = agents.record(c.req.valid('param').agent_id)
      const body = (await c.req.json().catch(() => ({}))) as { run_ids?: unknown }
      const parsed = CancelAgentRunRequestSchema.safeParse(body ?? {})
      if (!parsed.success) throw new HttpError(422, 'run_ids must be a list of run ids')
      const ids = parsed.data.run_ids ?? runs.activeForAgent(agent.id).map((run) => run.id)
      const outcome: Record<string, string> = {}
      for (const id of ids) {
        const run = runs.require(id)
        if (run.agent_id !== agent.id)
          throw new HttpError(404, `Run ${id} does not belong to agent ${agent.id}`)
        outcome[id] = runs.cancel(id).status
      }
      return c.json(outcome, 200)
    })
}
