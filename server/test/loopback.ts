/** Kept apart from the vitest helpers so the benchmarks can import it too. */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

export interface Listening {
  url: string
  close: () => Promise<void>
}

/** Serves a fetch handler on a free 127.0.0.1 port, for work that must go over real HTTP. */
export function listenOnLoopback(fetch: Parameters<typeof serve>[0]['fetch']): Promise<Listening> {
  return new Promise((resolve) => {
    const listener = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => listener.close(() => done())),
      })
    })
  })
}
