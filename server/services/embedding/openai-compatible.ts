import type { EmbeddingConfig } from '../../storage/sources-repository.ts'
import { signalWithTimeout } from '../timeout-signal.ts'
import type { Embedder } from './embedder.ts'

const REQUEST_TIMEOUT_MS = 120_000

export interface OpenAICompatibleOptions {
  apiKey: string | undefined
  /** Sent as `dimensions` only when configured: not every server accepts it. */
  dimensions: number | undefined
  fetch?: typeof fetch
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: unknown }[]
}

/** Reads the most useful line out of an error body: OpenAI's {error: {message}}, {detail}, or text. */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; detail?: unknown }
    if (typeof parsed.error === 'string') return parsed.error
    if (parsed.error?.message) return parsed.error.message
    if (typeof parsed.detail === 'string') return parsed.detail
  } catch {
    // Not JSON: the text itself is the detail.
  }
  return body.trim().slice(0, 200) || 'no details given'
}

/** An OpenAI-style `POST {endpoint}/embeddings` API: OpenAI itself, Ollama, vLLM, LM Studio and the like. */
export class OpenAICompatibleEmbedder implements Embedder {
  private readonly fetch: typeof fetch

  constructor(
    readonly config: EmbeddingConfig,
    private readonly options: OpenAICompatibleOptions,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch
  }

  get url(): string {
    return `${(this.config.embedding_endpoint ?? '').replace(/\/+$/, '')}/embeddings`
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    if (!texts.length) return []
    const url = this.url
    const timeout = signalWithTimeout([signal], REQUEST_TIMEOUT_MS)
    let response: Response
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.config.embedding_model,
          input: texts,
          encoding_format: 'float',
          ...(this.options.dimensions ? { dimensions: this.options.dimensions } : {}),
        }),
        signal: timeout.signal,
      })
    } catch (error) {
      timeout.clear()
      signal.throwIfAborted()
      const reason =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error)
      throw new EmbeddingApiError(`Cannot reach the embeddings API at ${url}: ${reason}`)
    }
    const body = await response.text().finally(timeout.clear)
    if (!response.ok) {
      throw new EmbeddingApiError(
        `The embeddings API at ${url} answered ${response.status}: ${errorDetail(body)}`,
      )
    }
    return this.parse(body, texts.length)
  }

  private parse(body: string, expected: number): Float32Array[] {
    const fail = (what: string) =>
      new EmbeddingApiError(`The embeddings API at ${this.url} returned ${what}`)
    let parsed: EmbeddingsResponse
    try {
      parsed = JSON.parse(body) as EmbeddingsResponse
    } catch {
      throw fail('something other than JSON')
    }
    if (!Array.isArray(parsed.data) || parsed.data.length !== expected) {
      throw fail(
        `${Array.isArray(parsed.data) ? parsed.data.length : 'no'} embeddings for ${expected} texts`,
      )
    }
    const vectors: Float32Array[] = new Array(expected)
    parsed.data.forEach((item, position) => {
      const index = typeof item.index === 'number' ? item.index : position
      const embedding = item.embedding
      if (!Array.isArray(embedding) || !embedding.every((value) => typeof value === 'number')) {
        throw fail('an embedding that is not an array of numbers')
      }
      const expectedDim = this.config.embedding_dim
      if (expectedDim > 0 && embedding.length !== expectedDim) {
        throw fail(
          `vectors of ${embedding.length} dimensions, but ${this.config.embedding_model} is configured for ${expectedDim}`,
        )
      }
      if (index < 0 || index >= expected || vectors[index])
        throw fail('embeddings with bad indexes')
      vectors[index] = Float32Array.from(embedding as number[])
    })
    return vectors
  }
}

export class EmbeddingApiError extends Error {
  override name = 'EmbeddingApiError'
}
