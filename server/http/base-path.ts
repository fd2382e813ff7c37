/**
 * Serving under a path prefix (`--base-path /letta-admin`, behind a reverse proxy): the one place
 * that knows about the prefix. Requests under it lose it before routing; requests a proxy already
 * stripped pass unchanged; the console's page learns the prefix from its `<base href>`.
 */
type FetchHandler = (request: Request, ...rest: never[]) => Response | Promise<Response>

export function stripBasePath<F extends FetchHandler>(fetch: F, basePath: string): F {
  if (!basePath) return fetch
  return ((request: Request, ...rest: never[]) => {
    const url = new URL(request.url)
    if (url.pathname === basePath) {
      return new Response(null, { status: 308, headers: { Location: `${basePath}/${url.search}` } })
    }
    if (!url.pathname.startsWith(`${basePath}/`)) return fetch(request, ...rest)
    url.pathname = url.pathname.slice(basePath.length)
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      body: hasBody ? request.body : undefined,
      signal: request.signal,
      redirect: request.redirect,
      ...(hasBody && { duplex: 'half' }),
    }
    return fetch(new Request(url, init), ...rest)
  }) as F
}

/** The built index.html carries `<base href="/">`; its assets and the router resolve against it. */
export function applyBasePath(html: string, basePath: string): string {
  return basePath ? html.replace('<base href="/"', `<base href="${basePath}/"`) : html
}
