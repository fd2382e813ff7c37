// A worker thread does not inherit the TypeScript loader of the thread that started it (Node 20),
// so the extraction worker registers tsx before loading its TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./extract-worker.ts')
