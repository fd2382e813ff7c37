import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

export interface FoldersOnlyProxy {
  url: string
  /** Paths the browser asked for, in order. */
  requests: string[]
  stop: () => Promise<void>
}

/** The Letta release whose published API this stand-in imitates. */
export const LETTA_VERSION = '0.16.8'

/** What a Letta 0.9+ server lacks compared with the bundled one: sources, jobs, and the extensions. */
const HIDDEN = [
  /^\/v1\/sources(\/|$)/,
  /^\/v1\/jobs(\/|$)/,
  /^\/v1\/upload-policy/,
  /^\/openapi\.json/,
]

/**
 * A loopback stand-in for a newer Letta server in front of a bundled one: it reports Letta's
 * version, answers Letta's plain 404 for sources, jobs and the bundled server's extensions, and lets the browser at `origin` in
 * by CORS, as Letta's ACCEPTABLE_ORIGINS does. Folder uploads already answer with the file.
 */
export async function startFoldersOnlyProxy(
  upstreamUrl: string,
  origin: string,
): Promise<FoldersOnlyProxy> {
  const requests: string[] = []
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, content-type, x-project-id',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  }
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/'
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, cors).end()
      return
    }
    requests.push(`${incoming.method} ${incoming.url}`)
    if (/^\/v1\/health\/?$/.test(path)) {
      outgoing
        .writeHead(200, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ version: LETTA_VERSION, status: 'ok' }))
      return
    }
    if (HIDDEN.some((pattern) => pattern.test(path))) {
      outgoing
        .writeHead(404, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ detail: 'Not Found' }))
      return
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string' && !['host', 'origin', 'connection'].includes(name)) {
        headers.set(name, value)
      }
    }
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    void fetch(`${upstreamUrl}${incoming.url ?? '/'}`, {
      method: incoming.method,
      headers,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      ...(hasBody && ({ duplex: 'half' } as RequestInit)),
    })
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer())
        outgoing
          .writeHead(response.status, {
            ...cors,
            'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
          })
          .end(body)
      })
      .catch((error: unknown) => {
        outgoing.writeHead(502, cors).end(String(error))
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
