import type { LlmProviderConfig } from '../../config.ts'

/** Letta's LLMConfig: how an agent reaches its model. */
export interface LlmConfig {
  model: string
  display_name: string | null
  model_endpoint_type: string
  model_endpoint: string | null
  provider_name: string | null
  provider_category: 'base' | 'byok' | null
  model_wrapper: string | null
  context_window: number
  put_inner_thoughts_in_kwargs: boolean | null
  handle: string | null
  temperature: number
  max_tokens: number | null
  enable_reasoner: boolean
  reasoning_effort: string | null
  max_reasoning_tokens: number
  frequency_penalty: number | null
  parallel_tool_calls: boolean | null
  strict: boolean
}

/** A model as GET /v1/models/ lists it: the LLMConfig fields plus the newer Model fields. */
export interface LlmModel extends LlmConfig {
  handle: string
  name: string
  display_name: string
  provider_type: string
  provider_name: string
  model_type: 'llm'
  max_context_window: number
  // Letta's newer Model fields for other providers' features; none applies to this provider.
  effort: null
  compatibility_type: null
  verbosity: null
  tier: null
  response_format: null
  return_logprobs: boolean
  top_logprobs: null
  return_token_ids: boolean
  tool_call_parser: null
}

// Every model here is reached through the OpenAI chat-completions protocol.
export const PROVIDER_TYPE = 'openai'
export const PROVIDER_NAME = 'openai'
const DEFAULT_CONTEXT_WINDOW = 32_768
/** Context windows of well-known models; others get a conservative default. */
const KNOWN_CONTEXT_WINDOWS: [RegExp, number][] = [
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-5/, 272_000],
  [/^(gpt-4o|gpt-4-turbo|o1|o3|o4)/, 128_000],
  [/^(llama3\.[123]|qwen2\.5|qwen3|mistral-nemo)/, 128_000],
]

export function contextWindowOf(model: string): number {
  const name = model.replace(/^.*\//, '')
  return (
    KNOWN_CONTEXT_WINDOWS.find(([pattern]) => pattern.test(name))?.[1] ?? DEFAULT_CONTEXT_WINDOW
  )
}

export class UnknownModelError extends Error {}

/** The chat models this server can run agents on: the one configured with --llm-model, if any. */
export class LlmCatalog {
  constructor(readonly provider: LlmProviderConfig | undefined) {}

  list(): LlmModel[] {
    if (!this.provider) return []
    const { model, endpoint } = this.provider
    const contextWindow = contextWindowOf(model)
    return [
      {
        handle: `${PROVIDER_NAME}/${model}`,
        name: model,
        display_name: model,
        provider_type: PROVIDER_TYPE,
        provider_name: PROVIDER_NAME,
        provider_category: 'base',
        model_type: 'llm',
        model,
        model_endpoint_type: PROVIDER_TYPE,
        model_endpoint: endpoint,
        model_wrapper: null,
        context_window: contextWindow,
        max_context_window: contextWindow,
        put_inner_thoughts_in_kwargs: false,
        temperature: 0.7,
        max_tokens: null,
        enable_reasoner: false,
        reasoning_effort: null,
        max_reasoning_tokens: 0,
        frequency_penalty: null,
        parallel_tool_calls: false,
        strict: false,
        effort: null,
        compatibility_type: null,
        verbosity: null,
        tier: null,
        response_format: null,
        return_logprobs: false,
        top_logprobs: null,
        return_token_ids: false,
        tool_call_parser: null,
      },
    ]
  }

  /** The model a handle names: `<provider>/<model>`, or the bare model name. */
  find(handle: string): LlmModel | undefined {
    return this.list().find((model) => model.handle === handle || model.name === handle)
  }

  /** The LLMConfig for a handle; throws UnknownModelError naming what this server offers. */
  configFor(handle: string): LlmConfig {
    const model = this.find(handle)
    if (!model) {
      const offered = this.list().map((m) => m.handle)
      throw new UnknownModelError(
        offered.length
          ? `Unknown model "${handle}". This server offers: ${offered.join(', ')}.`
          : `Unknown model "${handle}": this server has no LLM provider. Start it with --llm-endpoint URL --llm-model NAME.`,
      )
    }
    return toLlmConfig(model)
  }

  /** The model new agents get when they name none. */
  defaultModel(): LlmModel | undefined {
    return this.list()[0]
  }
}

export function toLlmConfig(model: LlmModel): LlmConfig {
  return {
    model: model.model,
    display_name: model.display_name,
    model_endpoint_type: model.model_endpoint_type,
    model_endpoint: model.model_endpoint,
    provider_name: model.provider_name,
    provider_category: model.provider_category,
    model_wrapper: model.model_wrapper,
    context_window: model.context_window,
    put_inner_thoughts_in_kwargs: model.put_inner_thoughts_in_kwargs,
    handle: model.handle,
    temperature: model.temperature,
    max_tokens: model.max_tokens,
    enable_reasoner: model.enable_reasoner,
    reasoning_effort: model.reasoning_effort,
    max_reasoning_tokens: model.max_reasoning_tokens,
    frequency_penalty: model.frequency_penalty,
    parallel_tool_calls: model.parallel_tool_calls,
    strict: model.strict,
  }
}

/** The config of an agent created before any provider was configured: no model to call yet. */
export function unsetLlmConfig(): LlmConfig {
  return {
    model: '',
    display_name: null,
    model_endpoint_type: PROVIDER_TYPE,
    model_endpoint: null,
    provider_name: null,
    provider_category: null,
    model_wrapper: null,
    context_window: DEFAULT_CONTEXT_WINDOW,
    put_inner_thoughts_in_kwargs: false,
    handle: null,
    temperature: 0.7,
    max_tokens: null,
    enable_reasoner: false,
    reasoning_effort: null,
    max_reasoning_tokens: 0,
    frequency_penalty: null,
    parallel_tool_calls: false,
    strict: false,
  }
}
