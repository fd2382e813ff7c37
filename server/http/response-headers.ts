import type { Context } from 'hono'

/**
 * Changes the headers of the answer in place. Hono's `c.header()` after the handler copies the
 * whole Response, and with it turns a string or byte body into a stream that the Node adapter
 * then reads chunk by chunk; for a 100 KB list that copy costs more than the route. Headers of a
 * response fetched from elsewhere (the upstream proxy) are read-only: those are copied once.
 */
export function editResponseHeaders(c: Context, edit: (headers: Headers) => void): void {
  try {
    edit(c.res.headers)
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    c.res = new Response(c.res.body, c.res)
    edit(c.res.headers)
  }
}
