import type { EmbeddingProviderConfig } from '../../config.ts'
import type { EmbeddingConfig } from '../../storage/sources-repository.ts'
import { DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, type Embedder } from './embedder.ts'
import { lexicalHashConfig, LexicalHashEmbedder, LOCAL_ENDPOINT_TYPE } from './lexical-hash.ts'
import { OpenAICompatibleEmbedder } from './openai-compatible.ts'

/** Output sizes of well-known embedding models, used when --embedding-dim is not given. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
  'nomic-embed-text': 768,
  'mxbai-embed-large': 1024,
  'all-minilm': 384,
  'bge-m3': 1024,
  'snowflake-arctic-embed': 1024,
}

/** An EmbeddingConfig as GET /v1/models/embedding lists it, with the model fields newer clients read. */
export interface EmbeddingModel extends EmbeddingConfig {
  name: string
  display_name: string
  provider_name: string
  provider_type: string
  model_type: 'embedding'
}

export class EmbeddingConfigError extends Error {}

/** The embedders this server can run: the built-in lexical one, plus an OpenAI-compatible API when configured. */
export class EmbeddingCatalog {
  private readonly providerConfig: EmbeddingConfig | undefined

  constructor(
    private readonly provider: EmbeddingProviderConfig | undefined,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    this.providerConfig = provider && {
      embedding_endpoint_type: 'openai',
      embedding_endpoint: provider.endpoint,
      embedding_model: provider.model,
      embedding_dim:
        provider.dimensions ?? KNOWN_DIMENSIONS[provider.model.replace(/:.*$/, '')] ?? 0,
      embedding_chunk_size: DEFAULT_CHUNK_SIZE,
      batch_size: DEFAULT_BATCH_SIZE,
      handle: `openai/${provider.model}`,
    }
  }

  /** The configured API first: when there is one, it is the default for new sources. */
  configs(): EmbeddingConfig[] {
    return [...(this.providerConfig ? [this.providerConfig] : []), lexicalHashConfig()]
  }

  list(): EmbeddingModel[] {
    return this.configs().map((config) => {
      const local = config.embedding_endpoint_type === LOCAL_ENDPOINT_TYPE
      return {
        ...config,
        name: config.embedding_model,
        display_name: local
          ? 'Lexical hash (built in, offline; matches words, not meaning)'
          : config.embedding_model,
        provider_name: local ? 'letta-admin' : 'openai',
        provider_type: local ? 'letta' : 'openai',
        model_type: 'embedding' as const,
      }
    })
  }

  byHandle(handle: string): EmbeddingConfig | undefined {
    return this.configs().find((config) => config.handle === handle)
  }

  /**
   * The config a new source gets from `embedding` (a handle) or `embedding_config`, with
   * `embedding_chunk_size` applied. Throws EmbeddingConfigError when no embedder here serves it.
   */
  forNewSource(input: {
    embedding?: string | null | undefined
    embedding_config?: Partial<EmbeddingConfig> | null | undefined
    embedding_chunk_size?: number | null | undefined
  }): EmbeddingConfig {
    let config: EmbeddingConfig
    if (input.embedding_config) {
      config = this.validate(input.embedding_config)
    } else if (input.embedding) {
      const found = this.byHandle(input.embedding)
      if (!found) {
        throw new EmbeddingConfigError(
          `Unknown embedding handle "${input.embedding}". This server offers: ${this.handles()}.`,
        )
      }
      config = { ...found }
    } else {
      config = { ...(this.configs()[0] as EmbeddingConfig) }
    }
    if (input.embedding_chunk_size) config.embedding_chunk_size = input.embedding_chunk_size
    return config
  }

  /** Accepts a client's config when it names an embedder this server runs; fills the fields it left out. */
  validate(input: Partial<EmbeddingConfig>): EmbeddingConfig {
    const match = this.configs().find(
      (config) =>
        (input.handle && config.handle === input.handle) ||
        (input.embedding_model === config.embedding_model &&
          (!input.embedding_endpoint_type ||
            input.embedding_endpoint_type === config.embedding_endpoint_type)),
    )
    if (!match) {
      const what =
        input.handle ?? `${input.embedding_endpoint_type ?? '?'}/${input.embedding_model ?? '?'}`
      throw new EmbeddingConfigError(
        `No embedder on this server serves the embedding config ${what}. This server offers: ${this.handles()}.`,
      )
    }
    if (input.embedding_dim && match.embedding_dim && input.embedding_dim !== match.embedding_dim) {
      throw new EmbeddingConfigError(
        `${match.handle} makes ${match.embedding_dim}-dimensional embeddings, not ${input.embedding_dim}.`,
      )
    }
    return {
      ...match,
      embedding_dim: input.embedding_dim ?? match.embedding_dim,
      embedding_chunk_size: input.embedding_chunk_size ?? match.embedding_chunk_size,
      batch_size: input.batch_size ?? match.batch_size,
    }
  }

  /** The embedder for a stored source config, or undefined when this server no longer offers it. */
  embedderFor(config: EmbeddingConfig): Embedder | undefined {
    let resolved: EmbeddingConfig
    try {
      resolved = this.validate(config)
    } catch {
      return undefined
    }
    if (resolved.embedding_endpoint_type === LOCAL_ENDPOINT_TYPE)
      return new LexicalHashEmbedder(resolved)
    return new OpenAICompatibleEmbedder(resolved, {
      apiKey: this.provider?.apiKey,
      dimensions: this.provider?.dimensions,
      fetch: this.fetchImpl,
    })
  }

  private handles(): string {
    return this.configs()
      .map((config) => config.handle)
      .join(', ')
  }
}
