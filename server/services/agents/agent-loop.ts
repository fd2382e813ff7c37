import { randomUUID } from 'node:crypto'

import { HttpError } from '../../http/errors.ts'
import type { AgentRecord } from '../../storage/agents-repository.ts'
import type {
  ContentPart,
  NewMessage,
  StoredMessage,
  StoredToolReturn,
} from '../../storage/messages-repository.ts'
import type { Run, StopReason } from '../../storage/runs-repository.ts'
import type { Tool } from '../../storage/tools-repository.ts'
import type { AgentService } from './agent-service.ts'
import { usesSendMessage } from './defaults.ts'
import { toLettaMessages, type LettaMessage } from './letta-messages.ts'
import { PROVIDER_NAME, PROVIDER_TYPE, type LlmCatalog, type LlmModel } from './llm-models.ts'
import { compileSystemPrompt } from './memory.ts'
import {
  chatCompletion,
  ProviderError,
  type ChatMessage,
  type ChatResult,
  type ChatTool,
  type ChatToolCall,
} from './provider-client.ts'
import { RunCancelledError, type RunService } from './run-service.ts'
import type { ToolExecutor, ToolOutcome } from './tool-executor.ts'

export const DEFAULT_MAX_STEPS = 50

/** A message sent to an agent: Letta's MessageCreate. */
export interface InputMessage {
  role: 'user' | 'system' | 'assistant'
  content: string | { type: 'text'; text: string }[]
  name?: string | null | undefined
  otid?: string | null | undefined
  sender_id?: string | null | undefined
  group_id?: string | null | undefined
  batch_item_id?: string | null | undefined
}

export interface LoopInput {
  agentId: string
  messages: InputMessage[]
  maxSteps?: number | undefined
  /** Aborting stops the run as cancelled. */
  signal?: AbortSignal | undefined
  /** Each Letta message as soon as its step is stored, for streaming. */
  onMessage?: ((message: LettaMessage) => void) | undefined
  /** Letta's run_type: send_message, send_message_streaming, send_message_async, ... */
  runType?: string | undefined
  background?: boolean | undefined
  requestConfig?: Record<string, unknown> | undefined
  callbackUrl?: string | null | undefined
  /** Extra run metadata, e.g. the batch a run belongs to. */
  metadata?: Record<string, unknown> | undefined
}

/** Letta's LettaUsageStatistics for one request. */
export interface LoopUsage {
  message_type: 'usage_statistics'
  completion_tokens: number
  prompt_tokens: number
  total_tokens: number
  step_count: number
  run_ids: string[] | null
  cached_input_tokens: number | null
  cache_write_tokens: number | null
  reasoning_tokens: number | null
  context_tokens: number | null
}

export interface LoopResult {
  run: Run
  /** The Letta messages this request produced (its input left out). */
  messages: LettaMessage[]
  stopReason: StopReason
  usage: LoopUsage
  /** Why a failed run failed, readable. */
  error: string | null
  /** Letta's error type for a failure: llm_error, llm_rate_limit, internal_error, ... */
  errorType: string | null
}

/** A run created and checked, ready to execute. */
export interface PreparedRun {
  run: Run
  input: LoopInput
  model: LlmModel
}

// memgpt agents say through this argument whether they want another step.
const HEARTBEAT = 'request_heartbeat'

function emptyUsage(): LoopUsage {
  return {
    message_type: 'usage_statistics',
    completion_tokens: 0,
    prompt_tokens: 0,
    total_tokens: 0,
    step_count: 0,
    run_ids: null,
    cached_input_tokens: null,
    cache_write_tokens: null,
    reasoning_tokens: null,
    context_tokens: null,
  }
}

const addOptional = (total: number | null, value: number | undefined) =>
  value === undefined ? total : (total ?? 0) + value

/** Letta's packaged tool result: what the model reads after each call. */
function packageResult(outcome: ToolOutcome): string {
  return JSON.stringify(
    {
      status: outcome.status === 'success' ? 'OK' : 'Failed',
      message: outcome.message,
      time: new Date().toISOString(),
    },
    null,
    2,
  )
}

function textOf(content: readonly ContentPart[]): string {
  return content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')
}

/** Stored messages as the chat-completions messages the provider reads. */
function toChatMessages(messages: readonly StoredMessage[]): ChatMessage[] {
  const out: ChatMessage[] = []
  for (const message of messages) {
    const text = textOf(message.content)
    if (message.role === 'system' || message.role === 'user')
      out.push({ role: message.role, content: text })
    else if (message.role === 'assistant') {
      out.push({
        role: 'assistant',
        content: text || null,
        ...(message.tool_calls?.length ? { tool_calls: message.tool_calls } : {}),
      })
    } else {
      for (const entry of message.tool_returns ?? []) {
        out.push({ role: 'tool', tool_call_id: entry.tool_call_id, content: entry.func_response })
      }
    }
  }
  return out
}

/** A tool as a function the model may call; memgpt agents also ask whether to continue. */
function toChatTool(tool: Tool, heartbeat: boolean): ChatTool {
  const schema = (tool.json_schema ?? {}) as {
    description?: string
    parameters?: { type?: string; properties?: Record<string, unknown>; required?: string[] }
  }
  const parameters = {
    type: 'object',
    properties: { ...(schema.parameters?.properties ?? {}) },
    required: [...(schema.parameters?.required ?? [])],
  }
  if (heartbeat) {
    parameters.properties[HEARTBEAT] = {
      type: 'boolean',
      description: "true to see this call's result and keep working; false to end your turn.",
    }
    parameters.required.push(HEARTBEAT)
  }
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: schema.description ?? tool.description ?? '',
      parameters,
    },
  }
}

function parseArguments(text: string): Record<string, unknown> | undefined {
  if (!text.trim()) return {}
  try {
    const parsed = JSON.parse(text) as unknown
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

const newMessageId = () => `message-${randomUUID()}`

/**
 * Letta's agent loop over an OpenAI-compatible provider. Each step is one model call: its messages
 * (and, on the first, the input) are stored together once it succeeds, so a failure leaves the
 * conversation and memory as they were before that step. Callable in process: batch runs drive it.
 */
export class AgentLoop {
  /** One run at a time per agent, so two conversations never interleave. */
  private readonly agentQueues = new Map<string, Promise<unknown>>()

  constructor(
    private readonly agents: AgentService,
    private readonly runs: RunService,
    private readonly models: LlmCatalog,
    private readonly executor: ToolExecutor,
  ) {}

  /** Checks the agent and the provider, and creates the run; throws HttpError for bad input. */
  prepare(input: LoopInput): PreparedRun {
    const agent = this.agents.record(input.agentId)
    if (!this.models.provider) {
      throw new HttpError(
        400,
        'No LLM provider is configured, so agents cannot answer: start the server with --llm-endpoint URL --llm-model NAME (or set LETTA_ADMIN_LLM_ENDPOINT and LETTA_ADMIN_LLM_MODEL)',
      )
    }
    const model = agent.model ? this.models.find(agent.model) : this.models.defaultModel()
    if (!model) {
      const offered = this.models.list().map((m) => m.handle)
      throw new HttpError(
        400,
        `Agent ${agent.id} uses the model ${agent.model}, which this server does not offer (it offers ${offered.join(', ')}): change the agent's model`,
      )
    }
    if (!input.messages.length)
      throw new HttpError(400, 'Send at least one message (messages or input)')
    const run = this.runs.create({
      agent_id: agent.id,
      background: input.background ?? false,
      metadata: { run_type: input.runType ?? 'send_message', ...input.metadata },
      request_config: { max_steps: input.maxSteps ?? DEFAULT_MAX_STEPS, ...input.requestConfig },
      callback_url: input.callbackUrl,
    })
    return { run, input, model }
  }

  /** prepare() then execute(): the whole request. */
  run(input: LoopInput): Promise<LoopResult> {
    return this.execute(this.prepare(input))
  }

  /** Runs the steps of a prepared run, after any run of the same agent still going. */
  execute(prepared: PreparedRun): Promise<LoopResult> {
    const agentId = prepared.run.agent_id
    const previous = this.agentQueues.get(agentId) ?? Promise.resolve()
    const work = previous
      .catch(() => undefined)
      .then(() => this.steps(prepared))
      .catch((error: unknown) => this.crashed(prepared, error))
    this.agentQueues.set(agentId, work)
    void work
      .finally(() => {
        if (this.agentQueues.get(agentId) === work) this.agentQueues.delete(agentId)
      })
      .catch(() => undefined)
    return this.runs.track(work)
  }

  private async steps(prepared: PreparedRun): Promise<LoopResult> {
    const { input, model } = prepared
    const runId = prepared.run.id
    const usage = emptyUsage()
    const produced: LettaMessage[] = []
    const result = (
      stopReason: StopReason,
      error: string | null = null,
      errorType: string | null = null,
    ) => {
      const run =
        this.runs.finish(runId, stopReason, error ?? undefined) ?? this.runs.require(runId)
      return {
        run,
        messages: produced,
        stopReason: run.stop_reason ?? stopReason,
        usage,
        error,
        errorType,
      }
    }
    const before = this.runs.get(runId)
    if (!before || !this.runs.isActive(before)) return result('cancelled')
    const agentRecord = this.agents.agents.get(input.agentId)
    if (!agentRecord)
      return result(
        'error',
        `Agent ${input.agentId} was deleted before the run started`,
        'internal_error',
      )
    const signal = this.runs.start(runId, input.signal)
    const agent: AgentRecord = agentRecord
    const sendMessageAgent = usesSendMessage(agent.agent_type)
    const maxSteps = Math.max(1, input.maxSteps ?? DEFAULT_MAX_STEPS)
    const history = agent.message_buffer_autoclear ? [] : this.agents.messages.allForAgent(agent.id)
    const stored = this.agents.messages.countForAgent(agent.id)
    let pendingInput: NewMessage[] = input.messages.map((message) => ({
      id: newMessageId(),
      agent_id: agent.id,
      role: message.role,
      content:
        typeof message.content === 'string'
          ? [{ type: 'text', text: message.content }]
          : message.content.map((part) => ({ type: 'text' as const, text: part.text })),
      name: message.name ?? null,
      tool_calls: null,
      tool_call_id: null,
      tool_returns: null,
      model: null,
      step_id: null,
      run_id: runId,
      otid: message.otid ?? null,
      sender_id: message.sender_id ?? null,
      group_id: message.group_id ?? null,
      batch_item_id: message.batch_item_id ?? null,
      is_err: false,
    }))
    const batchItemId = input.messages.find((m) => m.batch_item_id)?.batch_item_id ?? null
    // What the model has seen and what was stored; the input joins it with the first step.
    const context: StoredMessage[] = [...history]

    for (let index = 0; index < maxSteps; index++) {
      if (signal.aborted) return this.stopped(signal, result)
      const tools = this.agents.toolsOf(agent.id)
      const blocks = this.agents.blocks.forAgent(agent.id)
      const system = compileSystemPrompt({
        agentId: agent.id,
        system: agent.system,
        blocks,
        sources: this.agents.sourcesOf(agent.id),
        previousMessageCount: agent.message_buffer_autoclear ? stored : 0,
        now: new Date(),
      })
      const step = this.runs.steps.insertPending({
        run_id: runId,
        agent_id: agent.id,
        model: model.model,
        model_handle: model.handle,
        model_endpoint: model.model_endpoint,
        provider_name: PROVIDER_NAME,
        provider_type: PROVIDER_TYPE,
        provider_category: 'base',
        context_window_limit: agent.llm_config.context_window,
      })
      let answer: ChatResult
      try {
        answer = await chatCompletion({
          endpoint: this.models.provider?.endpoint ?? '',
          apiKey: this.models.provider?.apiKey,
          model: model.model,
          messages: [
            { role: 'system', content: system },
            ...toChatMessages([...context, ...pendingInput.map((m) => ({ ...m, created_at: '' }))]),
          ],
          tools: tools.map((tool) =>
            toChatTool(tool, sendMessageAgent && tool.name !== 'send_message'),
          ),
          toolChoice: sendMessageAgent && tools.length ? 'required' : 'auto',
          signal,
        })
      } catch (error) {
        if (signal.aborted) {
          this.runs.steps.recordFailure(step.id, 'cancelled', 'cancelled', 'RunCancelled', {
            message: 'The run was cancelled',
          })
          return this.stopped(signal, result)
        }
        const failure =
          error instanceof ProviderError
            ? error
            : new ProviderError(
                'llm_api_error',
                'internal_error',
                error instanceof Error ? error.message : String(error),
              )
        this.runs.steps.recordFailure(step.id, 'failed', failure.stopReason, failure.errorType, {
          message: failure.message,
          status: failure.status,
        })
        return result(failure.stopReason, failure.message, failure.errorType)
      }
      this.runs.steps.recordSuccess(step.id, answer.usage)
      usage.step_count += 1
      usage.prompt_tokens += answer.usage.prompt_tokens
      usage.completion_tokens += answer.usage.completion_tokens
      usage.total_tokens += answer.usage.total_tokens
      usage.cached_input_tokens = addOptional(usage.cached_input_tokens, answer.usage.cached_tokens)
      usage.reasoning_tokens = addOptional(usage.reasoning_tokens, answer.usage.reasoning_tokens)
      usage.context_tokens = answer.usage.total_tokens

      const stamp = (
        message: Omit<NewMessage, 'step_id' | 'run_id' | 'agent_id' | 'batch_item_id'>,
      ): NewMessage => ({
        ...message,
        agent_id: agent.id,
        step_id: step.id,
        run_id: runId,
        batch_item_id: batchItemId,
      })
      const content: ContentPart[] = [
        ...(answer.reasoning
          ? [
              {
                type: 'reasoning' as const,
                reasoning: answer.reasoning,
                is_native: true,
                signature: null,
              },
            ]
          : []),
        ...(answer.content?.trim() ? [{ type: 'text' as const, text: answer.content }] : []),
      ]
      const stepMessages: NewMessage[] = pendingInput.map((message) => ({
        ...message,
        step_id: step.id,
      }))
      pendingInput = []
      const assistant = stamp({
        id: newMessageId(),
        role: 'assistant',
        content,
        name: agent.name,
        tool_calls: answer.toolCalls.length ? answer.toolCalls : null,
        tool_call_id: null,
        tool_returns: null,
        model: model.model,
        otid: null,
        sender_id: null,
        group_id: null,
        is_err: false,
      })

      let stopReason: StopReason | null = null
      let failure: string | null = null
      if (!answer.toolCalls.length) {
        if (sendMessageAgent) {
          stopReason = 'no_tool_call'
          // As in Letta, the failed turn is rolled back: its input is not stored either.
          stepMessages.length = 0
          failure =
            'The model answered without calling a tool; memgpt agents must reply through send_message'
        } else {
          if (content.length) stepMessages.push(assistant)
          stopReason = answer.finishReason === 'length' ? 'max_tokens_exceeded' : 'end_turn'
          if (stopReason === 'max_tokens_exceeded')
            failure = 'The model stopped at its output token limit'
        }
      } else {
        const executed = await this.runCalls(agent, tools, answer.toolCalls, signal)
        if (signal.aborted) {
          this.runs.steps.recordFailure(step.id, 'cancelled', 'cancelled', 'RunCancelled', {
            message: 'The run was cancelled',
          })
          return this.stopped(signal, result)
        }
        stepMessages.push(assistant)
        stepMessages.push(
          stamp({
            id: newMessageId(),
            role: 'tool',
            content: executed.returns.map((entry) => ({ type: 'text', text: entry.func_response })),
            name: answer.toolCalls[0]?.function.name ?? null,
            tool_calls: null,
            tool_call_id: answer.toolCalls[0]?.id ?? null,
            tool_returns: executed.returns,
            model: null,
            otid: null,
            sender_id: null,
            group_id: null,
            is_err: false,
          }),
        )
        if (executed.unknownTool) {
          stopReason = 'invalid_tool_call'
          failure = executed.unknownTool
        } else if (executed.sentMessage) stopReason = 'end_turn'
        else if (sendMessageAgent && !executed.heartbeat) stopReason = 'end_turn'
      }
      if (stepMessages.length) {
        const now = new Date().toISOString()
        const saved = stepMessages.map((message) => ({
          ...message,
          created_at: message.created_at ?? now,
        }))
        this.agents.messages.insertMany(saved)
        context.push(...saved)
        const lettaMessages = toLettaMessages(
          saved.filter((message) => message.role !== 'user'),
          agent.agent_type,
        )
        for (const message of lettaMessages) {
          produced.push(message)
          input.onMessage?.(message)
        }
      }
      if (stopReason) {
        this.runs.steps.setStopReason(step.id, stopReason)
        return result(stopReason, failure, failure ? 'internal_error' : null)
      }
      if (index === maxSteps - 1) {
        this.runs.steps.setStopReason(step.id, 'max_steps')
        return result('max_steps')
      }
    }
    return result('end_turn')
  }

  /** An unexpected failure still ends the run, as `error`, with its message. */
  private crashed(prepared: PreparedRun, error: unknown): LoopResult {
    const message = error instanceof Error ? error.message : String(error)
    console.error(error)
    const run =
      this.runs.finish(prepared.run.id, 'error', message) ?? this.runs.require(prepared.run.id)
    return {
      run,
      messages: [],
      stopReason: run.stop_reason ?? 'error',
      usage: emptyUsage(),
      error: message,
      errorType: 'internal_error',
    }
  }

  private stopped(
    signal: AbortSignal,
    result: (
      stopReason: StopReason,
      error?: string | null,
      errorType?: string | null,
    ) => LoopResult,
  ): LoopResult {
    const reason: unknown = signal.reason
    if (reason instanceof RunCancelledError || !(reason instanceof Error))
      return result('cancelled')
    if (reason.name === 'AbortError') return result('cancelled')
    return result('error', reason.message, 'internal_error')
  }

  private async runCalls(
    agent: AgentRecord,
    tools: readonly Tool[],
    calls: readonly ChatToolCall[],
    signal: AbortSignal,
  ): Promise<{
    returns: StoredToolReturn[]
    unknownTool: string | null
    sentMessage: boolean
    heartbeat: boolean
  }> {
    const returns: StoredToolReturn[] = []
    let unknownTool: string | null = null
    let sentMessage = false
    let heartbeat = false
    for (const call of calls) {
      const name = call.function.name
      const tool = tools.find((candidate) => candidate.name === name)
      let outcome: ToolOutcome
      const args = parseArguments(call.function.arguments)
      if (!tool) {
        const valid = tools.map((candidate) => candidate.name)
        outcome = {
          status: 'error',
          message: `[ToolConstraintError] Cannot call ${name}, valid tools include: [${valid.join(', ')}]`,
          stdout: null,
          stderr: null,
        }
        unknownTool ??= `The model called the tool "${name}", which agent ${agent.id} does not have (its tools: ${valid.join(', ') || 'none'})`
      } else if (!args) {
        outcome = {
          status: 'error',
          message: `The arguments for ${name} are not a JSON object: ${call.function.arguments.slice(0, 200)}`,
          stdout: null,
          stderr: null,
        }
      } else {
        // The loop's own arguments, not the tool's.
        const toolArgs = Object.fromEntries(
          Object.entries(args).filter(([key]) => key !== HEARTBEAT && key !== 'thinking'),
        )
        if (args[HEARTBEAT] === true) heartbeat = true
        if (name === 'send_message') sentMessage = true
        outcome = await this.executor.execute(agent, tool, toolArgs, signal)
      }
      returns.push({
        tool_call_id: call.id,
        status: outcome.status,
        func_response: packageResult(outcome),
        stdout: outcome.stdout,
        stderr: outcome.stderr,
        name,
      })
    }
    return { returns, unknownTool, sentMessage, heartbeat }
  }
}
