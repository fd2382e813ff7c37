import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

const INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'tailwind.config.ts',
  'package-lock.json',
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stats.mtimeMs,
  )
}

/** True when dist/ is missing or older than any file it is built from. */
export function consoleBuildIsStale(root = PROJECT_ROOT): boolean {
  const builtIndex = join(root, 'dist', 'index.html')
  if (!existsSync(builtIndex)) return true
  const builtAt = statSync(builtIndex).mtimeMs
  return INPUTS.some((input) => newestMtime(join(root, input)) > builtAt)
}

export async function buildConsole(
  root = PROJECT_ROOT,
  outDir = join(root, 'dist'),
): Promise<void> {
  const { build } = await import('vite')
  await build({
    root,
    logLevel: 'warn',
    configFile: join(root, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
  })
}
