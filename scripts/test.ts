/** `npm test`: every check CI makes, in order, stopping at the first that fails. */
import { spawnSync } from 'node:child_process'

import { PROJECT_ROOT } from './build-if-stale.ts'
import { ensureBubblewrap } from './ensure-bubblewrap.ts'

// Before the unit tests, so the tool-sandbox tests run rather than skip.
ensureBubblewrap()

const steps: { name: string; command: string[] }[] = [
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'format', command: ['npm', 'run', 'format:check'] },
  { name: 'generated API client', command: ['npm', 'run', 'check:api'] },
  { name: 'server and app unit tests', command: ['npx', 'vitest', 'run'] },
  { name: 'production build', command: ['npm', 'run', 'build'] },
  { name: 'end-to-end tests', command: ['npm', 'run', 'test:e2e'] },
]

const started = Date.now()
for (const [index, step] of steps.entries()) {
  console.log(`\n▶ [${index + 1}/${steps.length}] ${step.name}`)
  const stepStarted = Date.now()
  const [command, ...args] = step.command as [string, ...string[]]
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
  console.log(`✔ ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
