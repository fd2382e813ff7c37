import { spawnSync } from 'node:child_process'
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  statSync,
} from 'node:fs'
import { delimiter, join } from 'node:path'

/** How tool runs are contained on this machine, found once at start. */
export type ToolIsolation = { kind: 'bubblewrap'; bwrap: string } | { kind: 'none'; reason: string }

/** Resource limits of one run, applied to the interpreter before the tool's code runs. */
export interface ToolLimits {
  memoryBytes: number
  fileSizeBytes: number
  /** Processes (and threads) the run may add to those its user already has. */
  extraProcesses: number
  cpuSeconds: number
}

/** Directories whose absence from the host is fine; the ones present are mounted read-only. */
const SYSTEM_DIRECTORIES = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']
/** What a tool that calls an API needs from /etc: name resolution and certificates. */
const NETWORK_FILES = [
  '/etc/resolv.conf',
  '/etc/hosts',
  '/etc/nsswitch.conf',
  '/etc/host.conf',
  '/etc/gai.conf',
  '/etc/ssl',
  '/etc/ca-certificates',
  '/etc/pki',
]
const READ_ONLY_ETC = ['/etc/localtime', '/etc/alternatives', '/etc/ld.so.cache', '/etc/mime.types']
/** A private /tmp, in memory: bounded so a run cannot fill the machine's RAM through it. */
const TMPFS_BYTES = 64 * 1024 * 1024

function findOnPath(command: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // Not in this directory.
    }
  }
  return undefined
}

/**
 * Finds bubblewrap and checks that it can make the namespaces a run needs (containers and some
 * kernels forbid unprivileged user namespaces); without it runs are plain child processes.
 */
export function detectToolIsolation(searchPath = process.env.PATH ?? ''): ToolIsolation {
  const bwrap = findOnPath('bwrap', searchPath)
  if (!bwrap) {
    return { kind: 'none', reason: 'bubblewrap (bwrap) is not installed' }
  }
  const trial = spawnSync(
    bwrap,
    [...baseArguments({ network: false }), '--', '/bin/sh', '-c', 'exit 0'],
    { timeout: 10_000, encoding: 'utf8' },
  )
  if (trial.status !== 0) {
    const why = (trial.stderr || trial.error?.message || `exit ${trial.status}`).trim()
    return { kind: 'none', reason: `bubblewrap cannot create a sandbox here: ${why}` }
  }
  return { kind: 'bubblewrap', bwrap }
}

function baseArguments(options: { network: boolean }): string[] {
  const args = [
    '--die-with-parent',
    '--new-session',
    '--unshare-user',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    ...(options.network ? [] : ['--unshare-net']),
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--hostname',
    'tool-run',
    '--cap-drop',
    'ALL',
  ]
  for (const dir of SYSTEM_DIRECTORIES) {
    if (!existsSync(dir)) continue
    const link = lstatSync(dir).isSymbolicLink() ? readlinkSync(dir) : undefined
    args.push(...(link ? ['--symlink', link, dir] : ['--ro-bind', dir, dir]))
  }
  for (const path of [...READ_ONLY_ETC, ...(options.network ? NETWORK_FILES : [])]) {
    args.push('--ro-bind-try', path, path)
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--size', String(TMPFS_BYTES), '--tmpfs', '/tmp')
  return args
}

/**
 * The bubblewrap command line for one run: the system and the interpreter's own directories
 * read-only, the run's working directory writable, and nothing else of the host's files; a PID
 * namespace that ends with the run, no view of the server's processes, and no capabilities.
 */
export function sandboxedCommand(
  bwrap: string,
  options: { network: boolean; interpreterRoots: string[]; workdir: string; argv: string[] },
): { command: string; args: string[] } {
  const args = baseArguments({ network: options.network })
  for (const root of options.interpreterRoots) {
    if (!SYSTEM_DIRECTORIES.some((dir) => root === dir || root.startsWith(`${dir}/`))) {
      args.push('--ro-bind', root, root)
    }
  }
  args.push('--bind', options.workdir, options.workdir, '--chdir', options.workdir)
  return { command: bwrap, args: [...args, '--', ...options.argv] }
}

/** Processes the server's user runs now: RLIMIT_NPROC counts them all, so the run's allowance goes on top. */
export function processesOfCurrentUser(): number {
  const uid = process.getuid?.()
  if (uid === undefined) return 0
  let count = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (statSync(`/proc/${entry}`).uid === uid) count++
    } catch {
      // The process ended while we looked.
    }
  }
  return count
}
