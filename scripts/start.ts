/** `npm start`: builds the console when it is missing or older than its sources, then serves it. */
import { buildConsole, consoleBuildIsStale } from './build-if-stale.ts'

if (consoleBuildIsStale()) {
  console.log('Building the console…')
  await buildConsole()
}
await import('../server/main.ts')
