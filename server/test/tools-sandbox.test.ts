import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import type { AppConfig } from '../config.ts'
import { detectToolIsolation } from '../services/tools/sandbox.ts'
import { createTestApp, json } from './helpers.ts'

interface ToolReturn {
  status: 'success' | 'error'
  tool_return: string
  stdout: string[]
  stderr: string[]
}

// `npm test` installs bubblewrap when it is missing and it runs as root (scripts/ensure-bubblewrap.ts).
const contained = detectToolIsolation().kind === 'bubblewrap'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function runTool(overrides: Partial<AppConfig>, sourceCode: string, headers = {}) {
  const server = createTestApp(overrides)
  const response = await server.app.request('/v1/tools/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ source_code: sourceCode, args: {} }),
  })
  expect(response.status).toBe(200)
  return { server, result: await json<ToolReturn>(response) }
}

function processesWith(marker: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

describe.runIf(contained)('contained tool runs', () => {
  it('cannot read the password, the keys, the environment or the database of the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'letta-sandbox-data-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const password = `pw-${randomUUID()}`
    const apiKey = `key-${randomUUID()}`
    const envSecret = `env-${randomUUID()}`
    process.env.LETTA_SANDBOX_TEST_SECRET = envSecret
    cleanups.push(() => delete process.env.LETTA_SANDBOX_TEST_SECRET)
    const { result } = await runTool(
      {
        dataDir,
        password,
        embeddingProvider: {
          endpoint: 'http://127.0.0.1:9/v1',
          model: 'm',
          apiKey,
          dimensions: undefined,
        },
      },
      `import json, os

def probe() -> str:
    secrets = ${JSON.stringify([password, apiKey, envSecret])}
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        for name in ("environ", "cmdline"):
            try:
                with open(f"/proc/{entry}/{name}", "rb") as file:
                    text = file.read().decode("utf-8", "replace")
            except OSError:
                continue
            found += [f"{entry}/{name}" for secret in secrets if secret in text]
    database = ${JSON.stringify(join(dataDir, 'letta-admin.sqlite3'))}
    try:
        with open(database, "rb") as file:
            found.append("database read: " + str(len(file.read())))
    except OSError as error:
        database_error = type(error).__name__
    try:
        open(${JSON.stringify(join(dataDir, 'planted'))}, "w").write("x")
        found.append("wrote into the data directory")
    except OSError:
        pass
    return json.dumps({"found": found, "database": database_error, "pids": len([e for e in os.listdir("/proc") if e.isdigit()])})
`,
      { Authorization: `Bearer ${password}` },
    )
    expect(result.status, result.tool_return + result.stderr.join('')).toBe('success')
    const report = JSON.parse(result.tool_return) as {
      found: string[]
      database: string
      pids: number
    }
    expect(report.found).toEqual([])
    expect(report.database).toBe('FileNotFoundError')
    // Only the sandbox's own processes are visible (its init and the interpreter).
    expect(report.pids).toBeLessThanOrEqual(3)
    expect(readdirSync(dataDir)).not.toContain('planted')
  })

  it('leaves no process behind, not even a daemon that left its session', async () => {
    const marker = `letta-daemon-${randomUUID()}`
    const { result } = await runTool(
      {},
      `import os, subprocess, sys

def start_daemon() -> str:
    subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120) # ${marker}"],
        start_new_session=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return "started"
`,
    )
    expect(result.tool_return).toBe('started')
    const deadline = Date.now() + 5000
    while (processesWith(marker).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(processesWith(marker)).toEqual([])
  })

  it('is stopped at its memory limit with a readable error', async () => {
    const { result } = await runTool(
      { toolMemoryBytes: 256 * 1024 * 1024 },
      `def hog() -> int:
    block = bytearray(1024 * 1024 * 1024)
    return len(block)
`,
    )
    expect(result.status).toBe('error')
    expect(result.tool_return).toBe(
      'Error executing function hog: MemoryError: the tool needed more memory than its limit of 256 MB',
    )
  })

  it('reaches the network by default, and not with --no-tool-network', async () => {
    const listener = createServer((socket) => socket.end('hello'))
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => listener.close())
    const port = (listener.address() as { port: number }).port
    const source = `import socket

def connect() -> str:
    try:
        with socket.create_connection(("127.0.0.1", ${port}), timeout=2) as conn:
            return conn.recv(5).decode()
    except OSError as error:
        return "refused: " + type(error).__name__
`
    expect((await runTool({}, source)).result.tool_return).toBe('hello')
    expect((await runTool({ toolNetwork: false }, source)).result.tool_return).toMatch(/^refused/)
  })
})

describe('tool isolation detection', () => {
  it('names why runs are not contained when bubblewrap is missing', () => {
    expect(detectToolIsolation('/nonexistent-directory')).toEqual({
      kind: 'none',
      reason: 'bubblewrap (bwrap) is not installed',
    })
  })
})
