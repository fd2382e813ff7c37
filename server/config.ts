import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface ServerConfig {
  host: string
  port: number
  /** Where the SQLite database and stored uploads live; ':memory:' keeps everything in RAM. */
  dataDir: string
  password: string | undefined
  /** The built console (Vite's dist/); undefined serves the API alone. */
  staticDir: string | undefined
  /** Other origins allowed to call the API from a browser (the console's own always may); ['*'] allows any. */
  corsOrigins: string[]
  /** Whether POST /v1/tools/run may execute Python: on by default only on loopback. */
  toolExecution: boolean
  toolTimeoutSeconds: number
  pythonPath: string
  maxUploadBytes: number
  /** How many uploaded files are ingested at once. */
  ingestConcurrency: number
  /** An OpenAI-compatible embeddings API (OpenAI, Ollama, vLLM); undefined uses the local embedder only. */
  embeddingProvider: EmbeddingProviderConfig | undefined
  /** A Letta server to forward `/v1` to, so the console reaches it same-origin; undefined serves the API here. */
  upstream: UpstreamConfig | undefined
  /** The OpenAI-compatible chat-completions API agents think with; undefined: agents cannot answer. */
  llmProvider: LlmProviderConfig | undefined
}

export interface LlmProviderConfig {
  /** Base URL of the API, e.g. http://localhost:11434/v1; requests go to `${endpoint}/chat/completions`. */
  endpoint: string
  /** The model name the API knows, e.g. gpt-4o-mini or llama3.1. */
  model: string
  apiKey: string | undefined
}

export interface UpstreamConfig {
  /** e.g. https://api.letta.com or http://letta.internal:8283 */
  url: string
  /** Sent upstream as `Authorization: Bearer`: a Letta Cloud API key or a server password. */
  apiKey: string | undefined
  /** Letta Cloud's optional project, sent as `X-Project-Id`. */
  projectId: string | undefined
}

export interface EmbeddingProviderConfig {
  /** Base URL of the API, e.g. http://localhost:11434/v1; requests go to `${endpoint}/embeddings`. */
  endpoint: string
  model: string
  apiKey: string | undefined
  dimensions: number | undefined
}

/** Settings for tests and in-process use: everything but what a listener needs. */
export type AppConfig = Omit<ServerConfig, 'host' | 'port'>

const MB = 1024 * 1024

export function defaultAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    dataDir: ':memory:',
    password: undefined,
    staticDir: undefined,
    corsOrigins: [],
    toolExecution: true,
    toolTimeoutSeconds: 10,
    pythonPath: 'python3',
    maxUploadBytes: 50 * MB,
    ingestConcurrency: 2,
    embeddingProvider: undefined,
    upstream: undefined,
    llmProvider: undefined,
    ...overrides,
  }
}

// What the command line falls back to: the same defaults as in-process use.
const DEFAULTS = defaultAppConfig()

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]'])

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host)
}

export const DEFAULT_PORT = 8283
export const DEFAULT_HOST = '127.0.0.1'

export function defaultDataDir(): string {
  return join(homedir(), '.letta-admin')
}

/** Flags win over environment variables, which win over defaults. */
export function parseConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  projectRoot: string,
): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      password: { type: 'string' },
      'static-dir': { type: 'string' },
      'no-static': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'allow-tool-execution': { type: 'boolean' },
      'tool-timeout': { type: 'string' },
      python: { type: 'string' },
      'max-upload-mb': { type: 'string' },
      'ingest-concurrency': { type: 'string' },
      'embedding-endpoint': { type: 'string' },
      'embedding-model': { type: 'string' },
      'embedding-api-key': { type: 'string' },
      'embedding-dim': { type: 'string' },
      upstream: { type: 'string' },
      'upstream-key': { type: 'string' },
      'upstream-project': { type: 'string' },
      'llm-endpoint': { type: 'string' },
      'llm-model': { type: 'string' },
      'llm-api-key': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })

  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`Invalid port "${portText}": expected an integer from 0 to 65535`)
  }
  const host = values.host ?? env.HOST ?? DEFAULT_HOST
  const password = values.password ?? env.LETTA_SERVER_PASSWORD ?? undefined
  if (!isLoopbackHost(host) && !password) {
    throw new ConfigError(
      `Refusing to listen on ${host} without a password: anyone on the network could read and change this server. ` +
        `Set LETTA_SERVER_PASSWORD or pass --password.`,
    )
  }
  const toolExecutionFlag =
    values['allow-tool-execution'] ?? isTruthy(env.LETTA_ADMIN_ALLOW_TOOL_EXECUTION)
  const embeddingEndpoint = values['embedding-endpoint'] ?? env.LETTA_ADMIN_EMBEDDING_ENDPOINT
  const embeddingDim = values['embedding-dim'] ?? env.LETTA_ADMIN_EMBEDDING_DIM
  const upstreamText = values.upstream ?? env.LETTA_ADMIN_UPSTREAM
  const llmEndpoint = values['llm-endpoint'] ?? env.LETTA_ADMIN_LLM_ENDPOINT
  const llmModel = values['llm-model'] ?? env.LETTA_ADMIN_LLM_MODEL
  if (llmEndpoint && !llmModel) {
    throw new ConfigError(
      'An LLM endpoint needs a model: pass --llm-model NAME (or set LETTA_ADMIN_LLM_MODEL), e.g. --llm-model llama3.1',
    )
  }
  const dataDirText = values['data-dir'] ?? env.LETTA_ADMIN_DATA_DIR ?? defaultDataDir()
  const corsText =
    values['cors-origin'] ?? env.LETTA_ADMIN_CORS_ORIGINS?.split(',') ?? DEFAULTS.corsOrigins

  return {
    host,
    port,
    dataDir: dataDirText === ':memory:' ? dataDirText : resolve(dataDirText),
    password: password || undefined,
    staticDir: values['no-static']
      ? undefined
      : resolve(values['static-dir'] ?? join(projectRoot, 'dist')),
    corsOrigins: corsText.map((origin) => origin.trim()).filter(Boolean),
    toolExecution: isLoopbackHost(host) || toolExecutionFlag,
    toolTimeoutSeconds: positiveNumber(
      'tool timeout',
      values['tool-timeout'] ?? env.LETTA_ADMIN_TOOL_TIMEOUT ?? String(DEFAULTS.toolTimeoutSeconds),
    ),
    pythonPath: values.python ?? env.LETTA_ADMIN_PYTHON ?? DEFAULTS.pythonPath,
    maxUploadBytes: Math.round(
      positiveNumber(
        'upload limit',
        values['max-upload-mb'] ??
          env.LETTA_ADMIN_MAX_UPLOAD_MB ??
          String(DEFAULTS.maxUploadBytes / MB),
      ) * MB,
    ),
    ingestConcurrency: Math.max(
      1,
      Math.floor(
        positiveNumber(
          'ingest concurrency',
          values['ingest-concurrency'] ??
            env.LETTA_ADMIN_INGEST_CONCURRENCY ??
            String(DEFAULTS.ingestConcurrency),
        ),
      ),
    ),
    embeddingProvider: embeddingEndpoint
      ? {
          endpoint: embeddingEndpoint.replace(/\/+$/, ''),
          model:
            values['embedding-model'] ??
            env.LETTA_ADMIN_EMBEDDING_MODEL ??
            'text-embedding-3-small',
          apiKey:
            values['embedding-api-key'] ?? env.LETTA_ADMIN_EMBEDDING_API_KEY ?? env.OPENAI_API_KEY,
          dimensions: embeddingDim
            ? positiveNumber('embedding dimension', embeddingDim)
            : undefined,
        }
      : undefined,
    upstream: upstreamText
      ? {
          url: httpUrl('upstream', upstreamText).replace(/\/+$/, '').replace(/\/v1$/, ''),
          apiKey: values['upstream-key'] ?? env.LETTA_ADMIN_UPSTREAM_KEY ?? env.LETTA_API_KEY,
          projectId: values['upstream-project'] ?? env.LETTA_PROJECT_ID,
        }
      : undefined,
    llmProvider:
      llmEndpoint && llmModel
        ? {
            endpoint: httpUrl('LLM endpoint', llmEndpoint).replace(/\/+$/, ''),
            model: llmModel.trim(),
            apiKey: values['llm-api-key'] ?? env.LETTA_ADMIN_LLM_API_KEY ?? env.OPENAI_API_KEY,
          }
        : undefined,
  }
}

function httpUrl(what: string, text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(`Invalid ${what} "${text}": expected a URL such as http://localhost:8283`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`Invalid ${what} "${text}": only http and https are supported`)
  }
  return text.trim()
}

function isTruthy(text: string | undefined): boolean {
  return text !== undefined && ['1', 'true', 'yes', 'on'].includes(text.toLowerCase())
}

function positiveNumber(what: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`Invalid ${what} "${text}": expected a positive number`)
  }
  return value
}
