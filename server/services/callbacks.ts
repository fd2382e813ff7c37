import http from 'node:http'
import https from 'node:https'

import { nowIso } from '../storage/ids.ts'
import { signalWithTimeout } from './timeout-signal.ts'

export interface CallbackOptions {
  /** How long one POST may take before it counts as failed. */
  timeoutMs?: number
  /** The pause before the single retry of a failed POST. */
  retryDelayMs?: number
}

interface Attempt {
  statusCode: number | null
  error: string | null
  /** A network failure, a timeout or a 5xx/429 answer: worth asking once more. */
  retryable: boolean
}

/**
 * The URL a finished job can be POSTed to, or why it cannot be: http and https only. `label` names
 * the URL in the problem, as the caller's user knows it (a query parameter, say).
 */
export function parseCallbackUrl(
  url: string,
  label = 'Callback URL',
): { url: URL; problem?: never } | { url?: never; problem: string } {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { problem: `${label} "${url}" is not a valid URL` }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `${label} "${url}" must use http or https` }
  }
  return { url: parsed }
}

/** Why a callback URL cannot be used, or undefined when it can. */
export function callbackUrlProblem(url: string): string | undefined {
  return parseCallbackUrl(url).problem
}

/** Something that finishes and may carry a callback_url: a job or a run. */
export interface CallbackRecord {
  id: string
  callback_url: string | null
  callback_sent_at: string | null
}

export interface CallbackOutcome {
  callback_sent_at: string
  callback_status_code: number | null
  callback_error: string | null
}

/** Where finished records come from and where the outcome of their callback is stored. */
export interface CallbackSource<T extends CallbackRecord> {
  onFinished(listener: (record: T) => void): () => void
  listUndeliveredCallbacks(): T[]
  get(id: string): T | undefined
  recordCallback(id: string, outcome: CallbackOutcome): unknown
}

/**
 * POSTs each finished job (or run) that has a callback_url to that URL, once, and records the
 * outcome on it. Delivery runs beside the job's completion, never inside it: a failed callback never fails a job.
 * A callback cut off by a crash, before its outcome was recorded, is sent again at the next start.
 */
export class CallbackSender<T extends CallbackRecord = CallbackRecord> {
  private readonly timeoutMs: number
  private readonly retryDelayMs: number
  private readonly inFlight = new Set<Promise<void>>()
  private readonly delivering = new Set<string>()
  private readonly shutdown = new AbortController()
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly jobs: CallbackSource<T>,
    options: CallbackOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000
    this.retryDelayMs = options.retryDelayMs ?? 1_000
  }

  /** Starts listening for finished jobs, and sends what a stopped process left unsent. */
  start(): void {
    this.unsubscribe ??= this.jobs.onFinished((job) => this.dispatch(job))
    for (const job of this.jobs.listUndeliveredCallbacks()) this.dispatch(job)
  }

  /** Sends the job's callback in the background; a job already sent or being sent is skipped. */
  dispatch(job: T): void {
    if (!job.callback_url || job.callback_sent_at || this.shutdown.signal.aborted) return
    if (this.delivering.has(job.id)) return
    this.delivering.add(job.id)
    const task = this.deliver(job, job.callback_url).finally(() => {
      this.inFlight.delete(task)
      this.delivering.delete(job.id)
    })
    this.inFlight.add(task)
  }

  /** Resolves once every callback started so far has been delivered or has failed. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight])
  }

  /** Stops listening, aborts callbacks in flight (recording why) and waits for them to settle. */
  async close(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.shutdown.abort(new Error('The server shut down before the callback was delivered'))
    await this.idle()
  }

  private async deliver(job: T, url: string): Promise<void> {
    // A job whose callback outcome is already on record is never sent twice.
    if (this.jobs.get(job.id)?.callback_sent_at) return
    const problem = callbackUrlProblem(url)
    let attempt: Attempt = problem
      ? { statusCode: null, error: problem, retryable: false }
      : await this.post(url, job)
    if (attempt.retryable && (await this.pause(this.retryDelayMs))) {
      attempt = await this.post(url, job)
    }
    this.jobs.recordCallback(job.id, {
      callback_sent_at: nowIso(),
      callback_status_code: attempt.statusCode,
      callback_error: attempt.error,
    })
  }

  private async post(url: string, job: T): Promise<Attempt> {
    if (this.shutdown.signal.aborted) return this.abortedAttempt()
    const { signal, timedOut, clear } = signalWithTimeout([this.shutdown.signal], this.timeoutMs)
    try {
      const status = await postJson(new URL(url), JSON.stringify(job), signal)
      if (status >= 200 && status < 300)
        return { statusCode: status, error: null, retryable: false }
      return {
        statusCode: status,
        error: `Callback to ${url} answered HTTP ${status}`,
        retryable: status >= 500 || status === 429,
      }
    } catch (error) {
      if (this.shutdown.signal.aborted) return this.abortedAttempt()
      const reason = timedOut()
        ? `no answer within ${this.timeoutMs / 1000} s`
        : describeError(error)
      return { statusCode: null, error: `Callback to ${url} failed: ${reason}`, retryable: true }
    } finally {
      clear()
    }
  }

  private abortedAttempt(): Attempt {
    const reason = this.shutdown.signal.reason as Error
    return { statusCode: null, error: reason.message, retryable: false }
  }

  /** Waits ms unless the server shuts down first; true when the wait ran its course. */
  private pause(ms: number): Promise<boolean> {
    const signal = this.shutdown.signal
    if (signal.aborted) return Promise.resolve(false)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve(true)
      }, ms)
      const onAbort = () => {
        clearTimeout(timer)
        resolve(false)
      }
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/**
 * POSTs JSON and resolves with the answer's status once its headers arrive; the body is not read.
 * node:http rather than fetch: fetch refuses ports browsers block (1, 9, 6000...) and follows
 * redirects, and a callback is neither a browser nor something to send on elsewhere.
 */
function postJson(url: URL, body: string, signal: AbortSignal): Promise<number> {
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'letta-admin-callbacks',
        },
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0)
        response.destroy()
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** Connection errors from a dual-stack connect arrive as an AggregateError with no message of its own. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors[0] instanceof Error) {
    return (error.errors[0] as Error).message
  }
  return error instanceof Error ? error.message : String(error)
}
