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
  /** Origins allowed to call the API from a browser; ['*'] allows any. */
  corsOrigins: string[]
}

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
  const dataDirText = values['data-dir'] ?? env.LETTA_ADMIN_DATA_DIR ?? defaultDataDir()
  const corsText = values['cors-origin'] ?? env.LETTA_ADMIN_CORS_ORIGINS?.split(',') ?? ['*']

  return {
    host,
    port,
    dataDir: dataDirText === ':memory:' ? dataDirText : resolve(dataDirText),
    password: password || undefined,
    staticDir: values['no-static']
      ? undefined
      : resolve(values['static-dir'] ?? join(projectRoot, 'dist')),
    corsOrigins: corsText.map((origin) => origin.trim()).filter(Boolean),
  }
}
