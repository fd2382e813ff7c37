import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const FILE_ID = /^file-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const PARTIAL = '.partial'

/**
 * Uploaded files as they arrived, kept for re-processing after a restart. Each is stored under its
 * file id, never under the name the client sent, so no upload can reach outside this directory.
 */
export class OriginalStore {
  private constructor(
    readonly dir: string,
    private readonly temporary: boolean,
  ) {}

  /** `<dataDir>/files`; with ':memory:' a temporary directory removed by close(). */
  static open(dataDir: string): OriginalStore {
    if (dataDir === ':memory:') {
      return new OriginalStore(mkdtempSync(join(tmpdir(), 'letta-admin-originals-')), true)
    }
    const dir = join(dataDir, 'files')
    mkdirSync(dir, { recursive: true })
    return new OriginalStore(dir, false)
  }

  pathOf(fileId: string): string {
    if (!FILE_ID.test(fileId)) throw new Error(`Not a file id: ${fileId}`)
    return join(this.dir, fileId)
  }

  /** Written beside its final name and renamed, so a crash never leaves a half-written original. */
  async write(fileId: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(fileId)
    await writeFile(path + PARTIAL, data)
    await rename(path + PARTIAL, path)
  }

  read(fileId: string): Promise<Buffer> {
    return readFile(this.pathOf(fileId))
  }

  exists(fileId: string): boolean {
    return existsSync(this.pathOf(fileId))
  }

  async remove(fileId: string): Promise<void> {
    await rm(this.pathOf(fileId), { force: true })
  }

  /** Deletes originals no file row names (and half-written ones): leftovers of a crash. */
  sweep(knownFileIds: ReadonlySet<string>): number {
    let removed = 0
    for (const name of readdirSync(this.dir)) {
      if (knownFileIds.has(name)) continue
      rmSync(join(this.dir, name), { force: true, recursive: true })
      removed++
    }
    return removed
  }

  close(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true })
  }
}
