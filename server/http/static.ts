import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { Context } from 'hono'
import { getMimeType } from 'hono/utils/mime'

import { applyBasePath } from './base-path.ts'
import { negotiateEncoding, varyOnEncoding, type ContentEncoding } from './compression.ts'
import type { Router } from './router.ts'

/** Vite puts a content hash in every asset name, so they never change under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** index.html and unhashed files: cache, but ask the server (a 304 when unchanged) every time. */
const REVALIDATE = 'no-cache'

const SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' }

/**
 * Serves the built console: hashed assets cached for a year, everything else revalidated with
 * ETag and Last-Modified; each in the Brotli or gzip copy made at build time when the client
 * accepts it. Client-side routes such as /settings/connection get index.html.
 */
export function mountConsole(app: Router, staticDir: string | undefined, basePath = ''): void {
  const indexPath = staticDir && join(staticDir, 'index.html')
  if (!staticDir || !indexPath || !existsSync(indexPath)) {
    app.get('/', (c) =>
      c.text(
        'The console has not been built. Run `npm start` (which builds it) or `npm run build`.\n' +
          'The Letta API is served under /v1.',
        503,
      ),
    )
    return
  }
  const root = resolve(staticDir)
  const index = join(root, 'index.html')
  // Under a prefix, index.html's <base href> names it: the page is rewritten, not sent as built.
  const indexRewrite = basePath
    ? { tag: basePath, transform: (html: string) => applyBasePath(html, basePath) }
    : undefined
  app.get('/assets/*', async (c) => {
    const file = builtFilePath(root, c.req.path)
    return (file && (await sendBuiltFile(c, file, IMMUTABLE))) || c.notFound()
  })
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/v1/') || c.req.path === '/v1') return c.notFound()
    const file = builtFilePath(root, c.req.path)
    if (file && file !== index) {
      const sent = await sendBuiltFile(c, file, REVALIDATE)
      if (sent) return sent
    }
    return (await sendBuiltFile(c, index, REVALIDATE, indexRewrite)) || c.notFound()
  })
}

/** The file under `root` that a URL path names; undefined for paths that would leave it. */
export function builtFilePath(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.endsWith('/')) return undefined
  const file = resolve(root, `.${decoded}`)
  return file.startsWith(root + sep) ? file : undefined
}

async function fileSize(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

/**
 * Answers with `file` (or its precompressed copy), or 304 when the client's validator still
 * matches; undefined when there is no such file.
 */
export async function sendBuiltFile(
  c: Context,
  file: string,
  cacheControl: string,
  rewrite?: { tag: string; transform: (text: string) => string },
): Promise<Response | undefined> {
  const stats = await fileSize(file)
  if (!stats) return undefined
  const version = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`
  const etag = `W/"${rewrite ? `${version}-${encodeURIComponent(rewrite.tag)}` : version}"`
  const lastModified = new Date(Math.floor(stats.mtimeMs / 1000) * 1000)
  // A rewritten file has no build-time compressed copies; the JSON compressor leaves HTML alone.
  const variants = rewrite
    ? []
    : (['br', 'gzip'] as const).filter((encoding) => existsSync(file + SUFFIX[encoding]))
  const headers = new Headers({
    'Content-Type': getMimeType(file) ?? contentTypeFallback(file),
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
  })
  if (variants.length) varyOnEncoding(headers)

  if (notModified(c, etag, lastModified)) return new Response(null, { status: 304, headers })

  const encoding = negotiateEncoding(c.req.header('Accept-Encoding'), variants)
  const body = rewrite
    ? Buffer.from(rewrite.transform(await readFile(file, 'utf8')))
    : await readFile(encoding ? file + SUFFIX[encoding] : file)
  if (encoding) headers.set('Content-Encoding', encoding)
  headers.set('Content-Length', String(body.length))
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers })
}

/** If-None-Match wins over If-Modified-Since, as HTTP says. */
function notModified(c: Context, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = c.req.header('If-None-Match')
  if (ifNoneMatch !== undefined) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '')
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag))
  }
  const ifModifiedSince = c.req.header('If-Modified-Since')
  if (ifModifiedSince === undefined) return false
  const since = Date.parse(ifModifiedSince)
  return Number.isFinite(since) && lastModified.getTime() <= since
}

const contentTypeFallback = (file: string) =>
  extname(file) === '.webmanifest' ? 'application/manifest+json' : 'application/octet-stream'
