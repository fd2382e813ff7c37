import { readFileSync } from 'node:fs'
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
  /** Host names (besides loopback) a password-less server answers to, e.g. a reverse proxy's or a docker service's. */
  allowedHosts: string[]
  /** A path prefix such as /letta-admin that the console and API are served under; '' for none. */
  basePath: string
  /** Whether POST /v1/tools/run may execute Python: on by default only on loopback. */
  toolExecution: boolean
  toolTimeoutSeconds: number
  /** Contain tool runs with bubblewrap when the machine allows it. */
  toolSandbox: boolean
  /** Whether a contained tool run may use the network. */
  toolNetwork: boolean
  /** Address space a contained tool run may use. */
  toolMemoryBytes: number
  pythonPath: string
  maxUploadBytes: number
  /** Largest request body other than an upload (JSON); larger ones answer 413 unread. */
  maxBodyBytes: number
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
    allowedHosts: [],
    basePath: '',
    toolExecution: true,
    toolTimeoutSeconds: 10,
    toolSandbox: true,
    toolNetwork: true,
    toolMemoryBytes: 512 * MB,
    pythonPath: 'python3',
    maxUploadBytes: 50 * MB,
    maxBodyBytes: 8 * MB,
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
      'password-file': { type: 'string' },
      'static-dir': { type: 'string' },
      'no-static': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      'base-path': { type: 'string' },
      'allow-tool-execution': { type: 'boolean' },
      'tool-timeout': { type: 'string' },
      'no-tool-sandbox': { type: 'boolean' },
      'no-tool-network': { type: 'boolean' },
      'tool-memory-mb': { type: 'string' },
      python: { type: 'string' },
      'max-upload-mb': { type: 'string' },
      'max-body-mb': { type: 'string' },
      'ingest-concurrency': { type: 'string' },
      'embedding-endpoint': { type: 'string' },
      'embedding-model': { type: 'string' },
      'embedding-api-key': { type: 'string' },
      'embedding-api-key-file': { type: 'string' },
      'embedding-dim': { type: 'string' },
      upstream: { type: 'string' },
      'upstream-key': { type: 'string' },
      'upstream-key-file': { type: 'string' },
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
  const password =
    values.password ??
    secretFromFile('password', values['password-file'] ?? env.LETTA_SERVER_PASSWORD_FILE) ??
    (env.LETTA_SERVER_PASSWORD || undefined)
  if (password !== undefined && password.trim() === '') {
    throw new ConfigError(
      'The password is blank: no client could send it. Set a password with at least one visible character, or none.',
    )
  }
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
    allowedHosts: (values['allowed-host'] ?? env.LETTA_ADMIN_ALLOWED_HOSTS?.split(',') ?? [])
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
    basePath: basePathOf(values['base-path'] ?? env.LETTA_ADMIN_BASE_PATH ?? ''),
    toolExecution: isLoopbackHost(host) || toolExecutionFlag,
    toolTimeoutSeconds: positiveNumber(
      'tool timeout',
      values['tool-timeout'] ?? env.LETTA_ADMIN_TOOL_TIMEOUT ?? String(DEFAULTS.toolTimeoutSeconds),
    ),
    toolSandbox: !(values['no-tool-sandbox'] ?? isFalsy(env.LETTA_ADMIN_TOOL_SANDBOX)),
    toolNetwork: !(values['no-tool-network'] ?? isFalsy(env.LETTA_ADMIN_TOOL_NETWORK)),
    toolMemoryBytes: Math.round(
      positiveNumber(
        'tool memory limit',
        values['tool-memory-mb'] ??
          env.LETTA_ADMIN_TOOL_MEMORY_MB ??
          String(DEFAULTS.toolMemoryBytes / MB),
      ) * MB,
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
    maxBodyBytes: Math.round(
      positiveNumber(
        'body limit',
        values['max-body-mb'] ?? env.LETTA_ADMIN_MAX_BODY_MB ?? String(DEFAULTS.maxBodyBytes / MB),
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
            values['embedding-api-key'] ??
            secretFromFile(
              'embedding API key',
              values['embedding-api-key-file'] ?? env.LETTA_ADMIN_EMBEDDING_API_KEY_FILE,
            ) ??
            env.LETTA_ADMIN_EMBEDDING_API_KEY ??
            env.OPENAI_API_KEY,
          dimensions: embeddingDim
            ? positiveNumber('embedding dimension', embeddingDim)
            : undefined,
        }
      : undefined,
    upstream: upstreamText
      ? {
          url: httpUrl('upstream', upstreamText).replace(/\/+$/, '').replace(/\/v1$/, ''),
          apiKey:
            values['upstream-key'] ??
            secretFromFile(
              'upstream key',
              values['upstream-key-file'] ?? env.LETTA_ADMIN_UPSTREAM_KEY_FILE,
            ) ??
            env.LETTA_ADMIN_UPSTREAM_KEY ??
            env.LETTA_API_KEY,
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

/** A secret kept in a file (so it never shows on a command line): its first line, trimmed. */
function secretFromFile(what: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read the ${what} file ${path}: ${(error as Error).message}`)
  }
  return text.split(/\r?\n/)[0]?.trim() ?? ''
}

/** `letta-admin/`, `/letta-admin` and `/letta-admin/` all become `/letta-admin`; `/` becomes ''. */
export function basePathOf(text: string): string {
  const trimmed = text.trim().replace(/^\/+|\/+$/g, '')
  if (!trimmed) return ''
  if (
    !/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed) ||
    trimmed.split('/').includes('..')
  ) {
    throw new ConfigError(
      `Invalid base path "${text}": expected path segments of letters, digits, '.', '_', '~' or '-', such as /letta-admin`,
    )
  }
  if (trimmed === 'v1' || trimmed.startsWith('v1/')) {
    throw new ConfigError(`Invalid base path "${text}": /v1 is where the API itself lives`)
  }
  return `/${trimmed}`
}

function isFalsy(text: string | undefined): boolean {
  return text !== undefined && ['0', 'false', 'no', 'off'].includes(text.toLowerCase())
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
