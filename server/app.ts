import { readFileSync } from 'node:fs'

import type { AppConfig } from './config.ts'
import { requirePassword } from './http/auth.ts'
import { stripBasePath } from './http/base-path.ts'
import { limitRequestBodies } from './http/body-limit.ts'
import { guardPasswordlessServer, originAllowed } from './http/browser-guard.ts'
import { compressResponses } from './http/compression.ts'
import { corsHeaders } from './http/cors.ts'
import { handleError } from './http/errors.ts'
import { refuseAmbiguousPaths } from './http/request-target.ts'
import { createRouter } from './http/router.ts'
import { securityHeaders } from './http/security-headers.ts'
import { mountConsole } from './http/static.ts'
import { unknownRouteHandler } from './http/unknown-route.ts'
import { forwardToUpstream } from './http/upstream-proxy.ts'
import { agentMessageRoutes } from './routes/agent-messages.ts'
import { agentRoutes } from './routes/agents.ts'
import { batchRoutes } from './routes/batches.ts'
import { healthRoutes } from './routes/health.ts'
import { jobRoutes } from './routes/jobs.ts'
import { modelRoutes } from './routes/models.ts'
import { passageRoutes } from './routes/passages.ts'
import { runRoutes } from './routes/runs.ts'
import { sourceFileRoutes } from './routes/source-files.ts'
import { sourceUploadRoutes, uploadPolicyRoutes } from './routes/source-uploads.ts'
import { sourceRoutes } from './routes/sources.ts'
import { stepRoutes } from './routes/steps.ts'
import { templateRoutes } from './routes/templates.ts'
import { toolRoutes } from './routes/tools.ts'
import { usageRoutes } from './routes/usage.ts'
import { AgentLoop } from './services/agents/agent-loop.ts'
import { AgentService } from './services/agents/agent-service.ts'
import { LlmCatalog } from './services/agents/llm-models.ts'
import { RunService } from './services/agents/run-service.ts'
import { ToolExecutor } from './services/agents/tool-executor.ts'
import { BatchService } from './services/batches/batch-service.ts'
import { CallbackSender } from './services/callbacks.ts'
import { createIngestion, type Ingestion } from './services/ingestion/index.ts'
import { JobService } from './services/jobs.ts'
import { TemplateService } from './services/templates/template-service.ts'
import type { ToolIsolation } from './services/tools/sandbox.ts'
import { createToolService } from './services/tools/tool-service.ts'
import { UsageService } from './services/usage/usage-service.ts'
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
  /** Sources, files, passages, uploads and the background ingestion queue. */
  ingestion: Ingestion
  /** Agents with their memory, tools and sources. */
  agents: AgentService
  /** Templates saved from agents, their versions, and the variables of agents made from them. */
  templates: TemplateService
  /** Message batches: jobs whose items run through the agent loop. */
  batches: BatchService
  /** Runs and their steps. */
  runs: RunService
  /** The agent loop, callable in process (batch runs drive it). */
  agentLoop: AgentLoop
}

export interface LettaAdminApp {
  app: ReturnType<typeof createRouter>
  /** What a listener serves: the app, reached under the configured base path. */
  fetch: ReturnType<typeof createRouter>['fetch']
  db: Db
  context: AppContext
  /** How tool runs are contained here, for the startup log. */
  toolIsolation: ToolIsolation
  /** Stops background work and closes the database. */
  close: () => Promise<void>
}

export function createApp(config: AppConfig): LettaAdminApp {
  const db = openDatabase(config.dataDir)
  const jobs = new JobService(new JobsRepository(db))
  const ingestion = createIngestion(config, db, jobs)
  // Seeds Letta's built-in tools on first start and brings them up to date after.
  const tools = createToolService(config, db)
  const models = new LlmCatalog(config.llmProvider)
  const agents = new AgentService(db, tools, ingestion.sources, models, ingestion.embeddings)
  const templates = new TemplateService(db, agents, tools, ingestion.sources)
  const runs = new RunService(db, agents.agents)
  const executor = new ToolExecutor(agents, tools, ingestion.sources)
  const agentLoop = new AgentLoop(agents, runs, models, executor)
  const batches = new BatchService(db, jobs, agentLoop)
  const context: AppContext = {
    config,
    db,
    jobs,
    ingestion,
    agents,
    templates,
    runs,
    agentLoop,
    batches,
  }
  const app = createRouter()
  // Finished jobs with a callback_url are POSTed there, beside (never inside) their completion.
  const callbacks = new CallbackSender(context.jobs)
  callbacks.start()
  const runCallbacks = new CallbackSender(runs)
  runCallbacks.start()
  // After callbacks start, so jobs and runs that recovery closes still notify their callback_url.
  context.ingestion.recover()
  runs.recover()
  batches.recover()

  app.onError(handleError)
  // First, so every JSON answer (errors and new routes included) is compressed the same way.
  app.use('*', compressResponses())
  app.use('*', securityHeaders())
  app.use('*', refuseAmbiguousPaths())
  app.use(
    '/v1/*',
    corsHeaders({
      origin: (origin) => (originAllowed(origin, config.corsOrigins) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'X-BARE-PASSWORD', 'X-Project-Id', 'User-Id'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  )
  app.use(
    '/v1/*',
    config.password
      ? requirePassword(config.password)
      : guardPasswordlessServer(config.corsOrigins, config.allowedHosts),
  )
  app.use('/v1/*', limitRequestBodies(config))
  // Registered before the local routes, so a proxying server answers every /v1 call from upstream.
  if (config.upstream) {
    app.all('/v1/*', forwardToUpstream(config.upstream))
    // The console reads what the upstream serves from its document, not from this server's.
    app.get('/openapi.json', forwardToUpstream(config.upstream))
  }

  app.route('/', healthRoutes(SERVER_VERSION))
  app.route('/', toolRoutes(tools))
  app.route('/', jobRoutes(context.jobs))
  for (const kind of ['sources', 'folders'] as const) {
    app.route('/', sourceRoutes(context.ingestion.sources, kind))
    app.route('/', sourceFileRoutes(context.ingestion.sources, kind))
    app.route('/', sourceUploadRoutes(context.ingestion.uploads, kind))
  }
  app.route('/', passageRoutes(context.ingestion.sources))
  app.route('/', uploadPolicyRoutes(config.maxUploadBytes))
  app.route('/', modelRoutes(context.ingestion.embeddings, models))
  app.route('/', agentRoutes(agents, runs))
  app.route('/', agentMessageRoutes(agents, agentLoop, runs))
  app.route('/', runRoutes(runs, agents))
  app.route('/', stepRoutes(runs, agents))
  app.route('/', templateRoutes(templates, agents))
  app.route('/', batchRoutes(batches))
  app.route('/', usageRoutes(new UsageService(db)))

  app.doc31('/openapi.json', openApiInfo)
  app.notFound(unknownRouteHandler(() => app.routes))
  mountConsole(app, config.staticDir, config.basePath)

  return {
    app,
    fetch: stripBasePath(app.fetch, config.basePath),
    db,
    context,
    toolIsolation: tools.isolation,
    close: async () => {
      // First, so ingestion stops as a shutdown (resumable), not as a failure.
      await context.ingestion.close()
      context.jobs.abortAll(new Error('The server is shutting down'))
      await batches.close()
      await runs.close()
      tools.close()
      await callbacks.close()
      await runCallbacks.close()
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
