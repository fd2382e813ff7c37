import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { ConfigError, parseConfig } from '../config.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Runs the real server entry point and collects how it ended. */
function runServer(args: string[], env: NodeJS.ProcessEnv = {}, stopAfterMs = 15_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--no-static', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), stopAfterMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('the listener', () => {
  it('exits non-zero with one line when the port is busy', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-busy-'))
      const result = await runServer(['--port', String(port), '--data-dir', dataDir])
      expect(result.code).not.toBe(0)
      expect(result.stderr.trim().split('\n')).toEqual([
        `letta-admin: port ${port} on 127.0.0.1 is already in use`,
      ])
    } finally {
      blocker.close()
    }
  })

  it('exits non-zero with one line when the data directory cannot be written', async () => {
    // A path under a regular file cannot be created even by root.
    const file = join(mkdtempSync(join(tmpdir(), 'letta-admin-file-')), 'plain-file')
    writeFileSync(file, 'not a directory')
    const result = await runServer(['--port', '0', '--data-dir', join(file, 'data')])
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(
      /^letta-admin: cannot use data directory .*plain-file\/data: ENOTDIR/,
    )
  })

  it('refuses a non-loopback address without a password, and says why', async () => {
    const result = await runServer(['--host', '0.0.0.0', '--port', '0'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Refusing to listen on 0.0.0.0 without a password')
  })

  it('prints its address and data directory, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'letta-admin-start-'))
    const result = await runServer(['--port', '0', '--data-dir', dataDir], {}, 4_000)
    expect(result.stdout).toMatch(/at http:\/\/127\.0\.0\.1:\d+/)
    expect(result.stdout).toContain(`Data directory: ${dataDir}`)
    expect(result.code).toBe(0)
  })
})

describe('configuration', () => {
  const root = '/project'
  it('has Letta’s defaults', () => {
    const config = parseConfig([], {}, root)
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8283,
      password: undefined,
      staticDir: '/project/dist',
    })
  })

  it('takes flags over environment variables', () => {
    const env = {
      PORT: '9000',
      HOST: 'localhost',
      LETTA_ADMIN_DATA_DIR: '/env-data',
      LETTA_SERVER_PASSWORD: 'env-pw',
    }
    expect(parseConfig([], env, root)).toMatchObject({
      port: 9000,
      host: 'localhost',
      dataDir: '/env-data',
      password: 'env-pw',
    })
    expect(
      parseConfig(
        ['--port', '9100', '--data-dir', '/flag-data', '--password', 'flag-pw'],
        env,
        root,
      ),
    ).toMatchObject({
      port: 9100,
      dataDir: '/flag-data',
      password: 'flag-pw',
    })
  })

  it('rejects a bad port and an unknown flag', () => {
    expect(() => parseConfig(['--port', 'eighty'], {}, root)).toThrow(ConfigError)
    expect(() => parseConfig(['--prot', '80'], {}, root)).toThrow(/Unknown option/)
  })

  it('allows any address when a password is set', () => {
    expect(parseConfig(['--host', '0.0.0.0', '--password', 'pw'], {}, root).host).toBe('0.0.0.0')
  })
})
