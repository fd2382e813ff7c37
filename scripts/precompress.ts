import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text formats worth compressing; images and fonts other than TTF are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|ttf|wasm|webmanifest)$/
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

/**
 * Writes `<file>.br` (Brotli, best quality) and `<file>.gz` (gzip, level 9) beside every
 * compressible file in `dir`, when each is smaller than the file; returns how many files it did.
 */
export async function precompressDirectory(dir: string): Promise<number> {
  const jobs: Promise<void>[] = []
  for await (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue
    jobs.push(
      readFile(path).then(async (plain) => {
        const [br, gz] = await Promise.all([
          brotli(plain, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          }),
          gzipAsync(plain, { level: 9 }),
        ])
        if (br.length < plain.length) await writeFile(`${path}.br`, br)
        if (gz.length < plain.length) await writeFile(`${path}.gz`, gz)
      }),
    )
  }
  await Promise.all(jobs)
  return jobs.length
}

/** Vite plugin: once the build is written, compresses it for the server to send as is. */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'letta-admin:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
      if (!outDir.startsWith('/')) outDir = join(config.root, outDir)
    },
    async closeBundle() {
      await precompressDirectory(outDir)
    },
  }
}
