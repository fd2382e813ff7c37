/**
 * `npm run bench`: every benchmark in one run, so ratios between figures are measured together.
 * Pass names to run a subset: `npm run bench -- tools-api ingest`.
 */
import { benchIngest } from './ingest.ts'
import { benchListsConcurrent } from './lists-concurrent.ts'
import { benchRoutes } from './routes.ts'
import { benchToolsApi } from './tools-api.ts'
import { benchToolsPage } from './tools-page.ts'
import { benchUsageApi } from './usage-api.ts'
import { benchUsagePage } from './usage-page.ts'

const benchmarks: Record<string, () => Promise<void>> = {
  routes: benchRoutes,
  lists: benchListsConcurrent,
  'tools-api': benchToolsApi,
  'tools-page': benchToolsPage,
  ingest: benchIngest,
  'usage-api': benchUsageApi,
  'usage-page': benchUsagePage,
}

const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !(name in benchmarks))
if (unknown.length) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`,
  )
  process.exit(2)
}

for (const [name, run] of Object.entries(benchmarks)) {
  if (requested.length && !requested.includes(name)) continue
  console.log(`\n## ${name}`)
  await run()
}
