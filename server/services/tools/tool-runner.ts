import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { constants, readFileSync } from 'node:fs'
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { delimiter, isAbsolute, join, resolve } from 'node:path'

import {
  processesOfCurrentUser,
  sandboxedCommand,
  type ToolIsolation,
  type ToolLimits,
} from './sandbox.ts'

const HARNESS = readFileSync(new URL('./harness.py', import.meta.url), 'utf8')
export const DEFAULT_TOOL_MEMORY_BYTES = 512 * 1024 * 1024
const TOOL_FILE_SIZE_BYTES = 64 * 1024 * 1024
const TOOL_EXTRA_PROCESSES = 64
// After a kill, how long to wait for the pipes to close before giving up on them.
const CLOSE_GRACE_MS = 1000

export interface ToolRunInput {
  sourceCode: string
  args: Record<string, unknown>
  envVars: Record<string, string>
  /** The function to call; the last top-level def when absent or not defined by the source. */
  name?: string | undefined
  returnCharLimit: number
}

export interface ToolRunOutcome {
  status: 'success' | 'error'
  toolReturn: string
  /** The function that ran, when the source defined one. */
  functionName: string | undefined
  stdout: string[]
  stderr: string[]
}

/** No usable Python 3 at the configured path: the server cannot run tools at all. */
export class PythonUnavailableError extends Error {}

interface HarnessResult {
  ok: boolean
  function: string | null
  value: string
  length: number
  traceback?: string
}

/**
 * Runs tool source with python3 in a child process: a fresh temporary directory, no environment
 * but the request's env_vars, its own process group killed at the time limit.
 */
export class ToolRunner {
  private python: string | undefined
  /** Directories the interpreter loads from, mounted read-only into a sandbox. */
  private pythonRoots: string[] = []
  private readonly children = new Set<ChildProcess>()
  private readonly maxConcurrent: number
  private running = 0
  /** Runs waiting for a free slot, first come first served. */
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly options: {
      pythonPath: string
      timeoutSeconds: number
      /** PATH used to find a bare command name like `python3`. */
      searchPath?: string | undefined
      /** Interpreters alive at once; more requests wait their turn rather than flood the machine. */
      maxConcurrent?: number | undefined
      /** How runs are contained; none runs the interpreter as a plain child process. */
      isolation?: ToolIsolation | undefined
      /** Whether a contained run may use the network. */
      network?: boolean | undefined
      memoryBytes?: number | undefined
    },
  ) {
    this.maxConcurrent = options.maxConcurrent ?? Math.max(2, availableParallelism())
  }

  async run(input: ToolRunInput, signal?: AbortSignal): Promise<ToolRunOutcome> {
    // The time limit starts when the tool starts, not while it waits for a slot.
    await this.acquireSlot(signal)
    try {
      return await this.runInSlot(input, signal)
    } finally {
      this.releaseSlot()
    }
  }

  private async runInSlot(input: ToolRunInput, signal?: AbortSignal): Promise<ToolRunOutcome> {
    const python = await this.resolvePython()
    const workdir = await mkdtemp(join(tmpdir(), 'letta-tool-'))
    try {
      await writeFile(join(workdir, 'tool.py'), input.sourceCode)
      await writeFile(
        join(workdir, 'request.json'),
        JSON.stringify({
          name: input.name ?? null,
          args: input.args,
          env_names: Object.keys(input.envVars),
          return_char_limit: input.returnCharLimit,
          limits: this.limits(),
        }),
      )
      const limit = input.returnCharLimit
      const exit = await this.spawnHarness(python, workdir, input.envVars, limit, signal)
      const result = await readResult(workdir)
      const stdout = exit.stdout.text()
      const stderr = exit.stderr.text() + (result?.traceback ?? '')
      const streams = { stdout: stdout ? [stdout] : [], stderr: stderr ? [stderr] : [] }
      if (exit.timedOut) {
        return {
          status: 'error',
          toolReturn: `Tool execution timed out after ${seconds(this.options.timeoutSeconds)}`,
          functionName: result?.function ?? input.name,
          ...streams,
        }
      }
      if (!result) {
        const how =
          exit.signal === 'SIGXCPU'
            ? `used more than its ${seconds(this.options.timeoutSeconds)} of CPU time and was stopped`
            : exit.signal
              ? `was stopped by ${exit.signal}`
              : `exited with code ${exit.code}`
        return {
          status: 'error',
          toolReturn: `The tool process ${how} before returning a result`,
          functionName: input.name,
          ...streams,
        }
      }
      return {
        status: result.ok ? 'success' : 'error',
        toolReturn: truncationNote(result.value, result.length, limit),
        functionName: result.function ?? undefined,
        ...streams,
      }
    } finally {
      await rm(workdir, { recursive: true, force: true })
    }
  }

  /** The run's resource limits, or none for a plain child process (which could raise them again). */
  private limits(): Record<string, number> | null {
    if (this.options.isolation?.kind !== 'bubblewrap') return null
    const limits: ToolLimits = {
      memoryBytes: this.options.memoryBytes ?? DEFAULT_TOOL_MEMORY_BYTES,
      fileSizeBytes: TOOL_FILE_SIZE_BYTES,
      extraProcesses: TOOL_EXTRA_PROCESSES,
      cpuSeconds: Math.ceil(this.options.timeoutSeconds) + 1,
    }
    return {
      memory_bytes: limits.memoryBytes,
      file_size_bytes: limits.fileSizeBytes,
      processes: processesOfCurrentUser() + limits.extraProcesses,
      cpu_seconds: limits.cpuSeconds,
    }
  }

  private acquireSlot(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    if (this.running < this.maxConcurrent) {
      this.running += 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', giveUp)
        resolve()
      }
      const giveUp = () => {
        this.waiting.splice(this.waiting.indexOf(grant), 1)
        reject(signal?.reason)
      }
      this.waiting.push(grant)
      signal?.addEventListener('abort', giveUp, { once: true })
    })
  }

  /** Hands the slot to the next waiting run, or frees it. */
  private releaseSlot(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running -= 1
  }

  /** Kills every running tool, for shutdown. */
  close(): void {
    for (const child of this.children) killGroup(child)
  }

  /** The absolute path of the real interpreter (not a shim), found once and then reused. */
  private async resolvePython(): Promise<string> {
    if (this.python) return this.python
    const { pythonPath } = this.options
    const candidate = await findExecutable(pythonPath, this.options.searchPath ?? '')
    if (!candidate) {
      throw new PythonUnavailableError(
        `Python 3 was not found at '${pythonPath}': install python3 or start the server with --python /path/to/python3 to run tools`,
      )
    }
    const executable = await new Promise<string | undefined>((done) => {
      execFile(
        candidate,
        [
          '-c',
          'import sys; print(sys.version_info[0], sys.executable); print(sys.prefix); print(sys.base_prefix); print(sys.exec_prefix)',
        ],
        { timeout: 10_000 },
        (error, stdout) => {
          const [first = '', ...prefixes] = stdout.trim().split('\n')
          const [major, path] = first.split(/ (.*)/)
          this.pythonRoots = [...new Set(prefixes.map((line) => line.trim()).filter(Boolean))]
          done(!error && major === '3' && path ? path : undefined)
        },
      )
    })
    if (!executable) {
      throw new PythonUnavailableError(
        `'${candidate}' is not a working Python 3 interpreter: start the server with --python /path/to/python3 to run tools`,
      )
    }
    this.python = executable
    return executable
  }

  private spawnHarness(
    python: string,
    workdir: string,
    env: Record<string, string>,
    limit: number,
    signal: AbortSignal | undefined,
  ): Promise<{
    code: number | null
    signal: string | null
    timedOut: boolean
    stdout: OutputCapture
    stderr: OutputCapture
  }> {
    return new Promise((done, fail) => {
      // -u: unbuffered, so what a killed tool printed is still seen; -B: no .pyc beside the source.
      const argv = [python, '-u', '-B', '-X', 'utf8', '-c', HARNESS, workdir]
      const isolation = this.options.isolation
      const { command, args } =
        isolation?.kind === 'bubblewrap'
          ? sandboxedCommand(isolation.bwrap, {
              network: this.options.network ?? true,
              interpreterRoots: this.pythonRoots,
              workdir,
              argv,
            })
          : { command: python, args: argv.slice(1) }
      const child = spawn(command, args, {
        cwd: workdir,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      this.children.add(child)
      const stdout = new OutputCapture(limit)
      const stderr = new OutputCapture(limit)
      child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk))
      child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk))
      let timedOut = false
      let settled = false
      const stop = () => {
        killGroup(child)
        // A grandchild that left the group could hold the pipes open; do not wait on it forever.
        setTimeout(() => finish(null, 'SIGKILL'), CLOSE_GRACE_MS).unref()
      }
      const timer = setTimeout(() => {
        timedOut = true
        stop()
      }, this.options.timeoutSeconds * 1000)
      signal?.addEventListener('abort', stop, { once: true })
      const finish = (code: number | null, exitSignal: string | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        signal?.removeEventListener('abort', stop)
        this.children.delete(child)
        child.stdout.destroy()
        child.stderr.destroy()
        done({ code, signal: exitSignal, timedOut, stdout, stderr })
      }
      child.on('close', finish)
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.children.delete(child)
        if (error.code === 'ENOENT' || error.code === 'EACCES') {
          this.python = undefined
          fail(
            new PythonUnavailableError(
              `Python 3 at '${python}' cannot be started: ${error.message}`,
            ),
          )
        } else {
          fail(error)
        }
      })
    })
  }
}

const seconds = (value: number) => `${value} second${value === 1 ? '' : 's'}`

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return
  try {
    // The child leads its own process group (detached), so this also stops what the tool started.
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

async function findExecutable(command: string, searchPath: string): Promise<string | undefined> {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(command)]
    : searchPath
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command))
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK)
      if ((await stat(candidate)).isFile()) return candidate
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined
}

async function readResult(workdir: string): Promise<HarnessResult | undefined> {
  try {
    return JSON.parse(await readFile(join(workdir, 'result.json'), 'utf8')) as HarnessResult
  } catch {
    return undefined
  }
}

function truncationNote(head: string, length: number, limit: number): string {
  return length > limit
    ? `${head}... [truncated: the output had ${length} characters, over the limit of ${limit}]`
    : head
}

/** Keeps the first bytes of a stream, enough for `limit` characters, and drops the rest. */
class OutputCapture {
  private readonly chunks: Buffer[] = []
  private kept = 0
  private overflowed = false

  // A character takes at most 4 bytes in UTF-8.
  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    const room = this.limit * 4 + 4 - this.kept
    if (chunk.length > room) this.overflowed = true
    if (room <= 0) return
    const kept = chunk.subarray(0, room)
    this.chunks.push(kept)
    this.kept += kept.length
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8')
    if (!this.overflowed && text.length <= this.limit) return text
    return `${text.slice(0, this.limit)}... [truncated: over the limit of ${this.limit} characters]`
  }
}
