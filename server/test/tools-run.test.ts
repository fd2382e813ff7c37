import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { createTestApp, json, listen } from './helpers.ts'

interface ToolReturn {
  id: string
  date: string
  message_type: string
  name: string | null
  tool_call_id: string
  tool_return: string
  status: 'success' | 'error'
  stdout: string[]
  stderr: string[]
}

function run(server: LettaAdminApp, body: unknown) {
  return server.app.request('/v1/tools/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** Whether a process still runs: a killed one that nobody has reaped yet is a zombie (state Z). */
/**
 * Live processes (on the host's view) whose command line contains `marker`: a contained run has
 * its own PID numbering, so its processes are found by what they run, not by the pid they see.
 */
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

/** Polls until the check gives a truthy value (within 5 s), and returns it. */
async function waitFor<T>(check: () => T): Promise<T> {
  const deadline = Date.now() + 5000
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function runOk(server: LettaAdminApp, body: unknown): Promise<ToolReturn> {
  const response = await run(server, body)
  expect(response.status).toBe(200)
  return json<ToolReturn>(response)
}

describe('POST /v1/tools/run', () => {
  it('returns the value apart from what the tool printed', async () => {
    const server = createTestApp()
    const result = await runOk(server, {
      source_code: `import sys

def add(a: int, b: int = 2) -> int:
    """Add two numbers."""
    print("adding", a, b)
    print("careful", file=sys.stderr)
    return a + b
`,
      args: { a: 40 },
    })
    expect(result).toEqual({
      id: expect.stringMatching(/^message-/),
      date: expect.any(String),
      message_type: 'tool_return_message',
      name: 'add',
      tool_call_id: expect.any(String),
      tool_return: '42',
      status: 'success',
      stdout: ['adding 40 2\n'],
      stderr: ['careful\n'],
      tool_returns: [
        {
          type: 'tool',
          tool_call_id: result.tool_call_id,
          tool_return: '42',
          status: 'success',
          stdout: ['adding 40 2\n'],
          stderr: ['careful\n'],
        },
      ],
      is_err: false,
      otid: null,
      sender_id: null,
      step_id: null,
      seq_id: null,
      run_id: null,
    })
  })

  it('calls the named function, else the last top-level def; awaits async ones; passes agent_state as None', async () => {
    const server = createTestApp()
    const source = `def first() -> str:
    return "first"

async def second(agent_state, word: str) -> str:
    return f"second {word} {agent_state}"
`
    expect(
      (await runOk(server, { source_code: source, args: {}, name: 'first' })).tool_return,
    ).toBe('first')
    const last = await runOk(server, { source_code: source, args: { word: 'hi' } })
    expect(last).toMatchObject({ name: 'second', tool_return: 'second hi None' })
    const unknownName = await runOk(server, {
      source_code: source,
      args: { word: 'x' },
      name: 'nope',
    })
    expect(unknownName.name).toBe('second')
  })

  it('reports an exception as an error with the traceback in stderr', async () => {
    const server = createTestApp()
    const result = await runOk(server, {
      source_code: 'def divide(a: int) -> float:\n    print("before")\n    return a / 0\n',
      args: { a: 1 },
    })
    expect(result.status).toBe('error')
    expect(result.tool_return).toBe(
      'Error executing function divide: ZeroDivisionError: division by zero',
    )
    expect(result.stdout).toEqual(['before\n'])
    expect(result.stderr.join('')).toContain('Traceback (most recent call last):')
    expect(result.stderr.join('')).toContain('File "tool.py", line 3, in divide')
    expect(result.stderr.join('')).not.toContain('harness')
  })

  it('reports invalid Python and wrong arguments as errors of the run', async () => {
    const server = createTestApp()
    const invalid = await runOk(server, { source_code: 'def f(:\n', args: {} })
    expect(invalid.status).toBe('error')
    expect(invalid.tool_return).toContain('SyntaxError')
    expect(invalid.stderr.join('')).toContain('File "tool.py", line 1')
    const wrongArgs = await runOk(server, {
      source_code: 'def f(a):\n    return a\n',
      args: { b: 1 },
    })
    expect(wrongArgs.status).toBe('error')
    expect(wrongArgs.tool_return).toContain("TypeError: f() got an unexpected keyword argument 'b'")
    const noFunction = await runOk(server, { source_code: 'x = 1\n', args: {} })
    expect(noFunction.status).toBe('error')
    expect(noFunction.tool_return).toContain('the source defines no top-level function to run')
    const exits = await runOk(server, {
      source_code: 'import os\ndef f():\n    os._exit(3)\n',
      args: {},
    })
    expect(exits).toMatchObject({
      status: 'error',
      tool_return: 'The tool process exited with code 3 before returning a result',
    })
  })

  it('cuts the return value and output to return_char_limit', async () => {
    const server = createTestApp()
    const result = await runOk(server, {
      source_code: 'def f():\n    print("o" * 500)\n    return "x" * 100\n',
      args: {},
      return_char_limit: 10,
    })
    expect(result.tool_return).toBe(
      'xxxxxxxxxx... [truncated: the output had 100 characters, over the limit of 10]',
    )
    expect(result.stdout).toEqual(['oooooooooo... [truncated: over the limit of 10 characters]'])
    const fits = await runOk(server, {
      source_code: 'def f():\n    return "y" * 10\n',
      args: {},
      return_char_limit: 10,
    })
    expect(fits.tool_return).toBe('y'.repeat(10))
  })

  it('uses 6000 characters as the default limit', async () => {
    const server = createTestApp()
    const result = await runOk(server, {
      source_code: 'def f():\n    return "z" * 7000\n',
      args: {},
    })
    expect(result.tool_return.startsWith(`${'z'.repeat(6000)}...`)).toBe(true)
    expect(result.tool_return).toContain('over the limit of 6000')
  })

  describe('environment', () => {
    beforeEach(() => {
      process.env.LETTA_ADMIN_TOOLS_TEST_SECRET = 'host-secret'
    })
    afterEach(() => {
      delete process.env.LETTA_ADMIN_TOOLS_TEST_SECRET
    })

    it('gives the tool only the env_vars of the request', async () => {
      const server = createTestApp()
      const result = await runOk(server, {
        source_code: `import json, os

def env() -> str:
    return json.dumps(dict(os.environ), sort_keys=True)
`,
        args: {},
        env_vars: { API_TOKEN: 'from-request', OTHER: 'two words' },
      })
      expect(result.status).toBe('success')
      expect(JSON.parse(result.tool_return)).toEqual({
        API_TOKEN: 'from-request',
        OTHER: 'two words',
      })
      const bare = await runOk(server, {
        source_code:
          'import os\n\ndef env():\n    return os.environ.get("LETTA_ADMIN_TOOLS_TEST_SECRET")\n',
        args: {},
      })
      expect(bare.tool_return).toBe('None')
    })
  })

  it('runs in a fresh temporary directory that is removed afterwards', async () => {
    const server = createTestApp()
    const first = await runOk(server, {
      source_code:
        'import os\n\ndef where():\n    open("scratch.txt", "w").write("x")\n    return os.getcwd()\n',
      args: {},
    })
    const second = await runOk(server, {
      source_code: 'import os\n\ndef where():\n    return os.getcwd()\n',
      args: {},
    })
    expect(first.tool_return).not.toBe(second.tool_return)
    expect(existsSync(first.tool_return)).toBe(false)
    expect(existsSync(second.tool_return)).toBe(false)
  })

  it('stops a tool that runs forever at the time limit, and its children too, while the server keeps answering', async () => {
    const server = createTestApp({ toolTimeoutSeconds: 1 })
    const marker = `letta-test-${randomUUID()}`
    const { url, close } = await listen(server)
    try {
      const started = Date.now()
      let finishedAt = 0
      const running = fetch(`${url}/v1/tools/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source_code: `import subprocess, sys

def forever():
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60) # ${marker}"])
    while True:
        pass
`,
          args: {},
        }),
      }).then(async (response) => {
        finishedAt = Date.now()
        return { status: response.status, body: (await response.json()) as ToolReturn }
      })
      for (let check = 0; check < 3; check += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        const asked = Date.now()
        const health = await fetch(`${url}/v1/health`)
        expect(health.status).toBe(200)
        expect(Date.now() - asked).toBeLessThan(500)
        expect(finishedAt).toBe(0)
      }
      const { status, body } = await running
      expect(status).toBe(200)
      expect(body.status).toBe('error')
      expect(body.tool_return).toBe('Tool execution timed out after 1 second')
      expect(finishedAt - started).toBeGreaterThanOrEqual(1000)
      expect(finishedAt - started).toBeLessThan(5000)
      await waitFor(() => processesWith(marker).length === 0)
    } finally {
      await close()
    }
  })

  it('stops the tool when the client goes away', async () => {
    const server = createTestApp({ toolTimeoutSeconds: 30 })
    const { url, close } = await listen(server)
    const marker = `letta-test-${randomUUID()}`
    try {
      const client = new AbortController()
      const request = fetch(`${url}/v1/tools/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source_code: `import subprocess, sys

def forever():
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60) # ${marker}"])
    while True:
        pass
`,
        }),
        signal: client.signal,
      }).catch((error: unknown) => error)
      await waitFor(() => processesWith(marker).length > 0)
      client.abort()
      await request
      await waitFor(() => processesWith(marker).length === 0)
    } finally {
      await close()
    }
  })

  it('answers 403 when tool execution is off', async () => {
    const server = createTestApp({ toolExecution: false })
    const response = await run(server, { source_code: 'def f():\n    return 1\n', args: {} })
    expect(response.status).toBe(403)
    expect(await json(response)).toEqual({
      detail:
        'Tool execution is disabled on this server: start it with --allow-tool-execution to run tools',
    })
  })

  it('answers 501 when python3 is missing', async () => {
    const server = createTestApp({ pythonPath: '/nonexistent/bin/python3' })
    const response = await run(server, { source_code: 'def f():\n    return 1\n', args: {} })
    expect(response.status).toBe(501)
    expect((await json<{ detail: string }>(response)).detail).toBe(
      "Python 3 was not found at '/nonexistent/bin/python3': install python3 or start the server with --python /path/to/python3 to run tools",
    )
    const notOnPath = createTestApp({ pythonPath: 'no-such-python-here' })
    expect((await run(notOnPath, { source_code: 'def f():\n    return 1\n' })).status).toBe(501)
  })

  it('answers 400 for other languages and 422 for bodies that break the schema', async () => {
    const server = createTestApp()
    const typescript = await run(server, {
      source_code: 'function f() {}',
      source_type: 'typescript',
    })
    expect(typescript.status).toBe(400)
    for (const body of [
      { args: {} },
      { source_code: 'def f(): pass', args: [] },
      { source_code: 'def f(): pass', env_vars: { A: 1 } },
      { source_code: 'def f(): pass', env_vars: { 'A=B': 'x' } },
      { source_code: 'def f(): pass', return_char_limit: 0 },
    ]) {
      expect((await run(server, body)).status).toBe(422)
    }
  })
})
