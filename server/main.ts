import { accessSync, constants, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'

import { createApp } from './app.ts'
import { ConfigError, parseConfig, type ServerConfig } from './config.ts'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

function fail(message: string): never {
  console.error(`letta-admin: ${message}`)
  process.exit(1)
}

function loadConfig(): ServerConfig {
  try {
    return parseConfig(process.argv.slice(2), process.env, PROJECT_ROOT)
  } catch (error) {
    if (
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      fail((error as Error).message)
    }
    throw error
  }
}

function ensureWritable(dataDir: string): void {
  if (dataDir === ':memory:') return
  try {
    mkdirSync(dataDir, { recursive: true })
    accessSync(dataDir, constants.W_OK)
  } catch (error) {
    fail(`cannot use data directory ${dataDir}: ${(error as Error).message}`)
  }
}

const config = loadConfig()
ensureWritable(config.dataDir)
let server: ReturnType<typeof createApp>
try {
  server = createApp(config)
} catch (error) {
  fail(`cannot open the database in ${config.dataDir}: ${(error as Error).message}`)
}

const listener = serve(
  { fetch: server.fetch, hostname: config.host, port: config.port },
  (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
    console.log(
      `Letta Admin is serving the console and the Letta API at http://${host}:${info.port}${config.basePath}/`,
    )
    console.log(`Data directory: ${config.dataDir}`)
    if (config.password) console.log('A password is required for the API (health is exempt).')
    const isolation = server.toolIsolation
    console.log(
      isolation.kind === 'bubblewrap'
        ? `Tool runs are contained with bubblewrap (${isolation.bwrap}): no server files, processes or secrets; network ${config.toolNetwork ? 'on' : 'off'}.`
        : `Tool runs are NOT contained (${isolation.reason}): they run as this server's user and can read what it can. Install bubblewrap to contain them.`,
    )
    if (config.upstream) console.log(`Forwarding /v1 to the Letta server at ${config.upstream.url}`)
  },
)

listener.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use`)
  if (error.code === 'EACCES') fail(`not allowed to listen on ${config.host}:${config.port}`)
  if (error.code === 'EADDRNOTAVAIL')
    fail(`address ${config.host} is not available on this machine`)
  fail(error.message)
})

/** How long requests in flight may take to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 3000

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`${signal} received: stopping`)
  // Stop accepting connections and let requests in flight finish (a few seconds at most), then
  // let background work and the database wind down.
  const drained = new Promise<void>((resolve) => listener.close(() => resolve()))
  ;(listener as { closeIdleConnections?: () => void }).closeIdleConnections?.()
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS))])
  await server.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
