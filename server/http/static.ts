import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'

import { applyBasePath } from './base-path.ts'
import type { Router } from './router.ts'

/** Serves the built console, and index.html for client-side routes such as /settings/connection. */
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
  const root = relative(process.cwd(), staticDir) || '.'
  app.use(
    '/assets/*',
    // Vite puts a content hash in every asset name, so they never change under the same name.
    async (c, next) => {
      await next()
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    },
    serveStatic({ root }),
  )
  app.use('*', serveStatic({ root }))
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/v1/') || c.req.path === '/v1') return c.notFound()
    const html = await readFile(indexPath, 'utf8')
    c.header('Cache-Control', 'no-cache')
    return c.html(applyBasePath(html, basePath))
  })
}
