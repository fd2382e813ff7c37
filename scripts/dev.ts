/** `npm run dev`: a bundled server for the API and Vite's dev server for the app, with /v1 proxied. */
import { spawn } from 'node:child_process'
import { createServer } from 'vite'

import { PROJECT_ROOT } from './build-if-stale.ts'

const apiPort = process.env.LETTA_ADMIN_DEV_API_PORT ?? '8283'
const apiServer = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/main.ts', '--port', apiPort, '--no-static', ...process.argv.slice(2)],
  { cwd: PROJECT_ROOT, stdio: 'inherit' },
)
apiServer.on('exit', (code) => {
  console.error(`The bundled server stopped (exit ${code}).`)
  process.exit(code ?? 1)
})

process.env.LETTA_ADMIN_DEV_API = `http://127.0.0.1:${apiPort}`
const vite = await createServer({ root: PROJECT_ROOT })
await vite.listen()
vite.printUrls()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    apiServer.kill(signal)
    void vite.close().then(() => process.exit(0))
  })
}
