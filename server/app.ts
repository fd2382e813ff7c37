import { readFileSync } from 'node:fs'
import { cors } from 'hono/cors'

import type { AppConfig } from './config.ts'
import { requirePassword } from './http/auth.ts'
import { handleError } from './http/errors.ts'
import { createRouter } from './http/router.ts'
import { mountConsole } from './http/static.ts'
import { healthRoutes } from './routes/health.ts'
import { JobService } from './services/jobs.ts'
import { openDatabase, type Db } from './storage/db.ts'
import { JobsRepository } from './storage/jobs-repository.ts'

export const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

/** What every feature's routes and services share. */
export interface AppContext {
  config: AppConfig
  db: Db
  jobs: JobService
}

export interface LettaAdminApp {
  app: ReturnType<typeof createRouter>
  db: Db
  context: AppContext
  /** Stops background work and closes the database. */
  close: () => Promise<void>
}

export function createApp(config: AppConfig): LettaAdminApp {
  const db = openDatabase(config.dataDir)
  const context: AppContext = { config, db, jobs: new JobService(new JobsRepository(db)) }
  const app = createRouter()

  app.onError(handleError)
  app.use(
    '/v1/*',
    cors({
      origin: (origin) =>
        config.corsOrigins.includes('*') || config.corsOrigins.includes(origin) ? origin : null,
      allowHeaders: ['Authorization', 'Content-Type', 'X-BARE-PASSWORD', 'X-Project-Id', 'User-Id'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  )
  if (config.password) app.use('/v1/*', requirePassword(config.password))

  app.route('/', healthRoutes(SERVER_VERSION))

  app.doc31('/openapi.json', openApiInfo)
  app.notFound((c) => c.json({ detail: `Not Found: ${c.req.method} ${c.req.path}` }, 404))
  mountConsole(app, config.staticDir)

  return {
    app,
    db,
    context,
    close: async () => {
      context.jobs.abortAll(new Error('The server is shutting down'))
      db.close()
    },
  }
}

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Letta Admin server',
    version: SERVER_VERSION,
    description:
      'A Letta-compatible API (tools, sources, jobs, usage, templates) served by the Letta Admin console.',
  },
}
