import { spawnSync } from 'node:child_process'

import { detectToolIsolation } from '../server/services/tools/sandbox.ts'

/** Tool runs are contained with Debian's bubblewrap: install it when missing and we are root, else say so. */
export function ensureBubblewrap(): void {
  const found = detectToolIsolation()
  if (found.kind === 'bubblewrap') return
  if (found.reason !== 'bubblewrap (bwrap) is not installed' || process.getuid?.() !== 0) {
    console.warn(
      `Tool runs cannot be contained here (${found.reason}); the sandbox tests are skipped. ` +
        'Install it with: sudo apt-get install -y bubblewrap',
    )
    return
  }
  console.log('bubblewrap is missing: installing Debian’s bubblewrap package…')
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'bubblewrap']]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`)
      process.exit(1)
    }
  }
  const after = detectToolIsolation()
  if (after.kind !== 'bubblewrap') console.warn(`After installing: ${after.reason}`)
}
