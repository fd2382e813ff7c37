/**
 * A signal that aborts when any of `signals` does, or once `ms` have passed (then `timedOut()` is
 * true). Node's AbortSignal.timeout inside AbortSignal.any can be garbage-collected before it
 * fires (nodejs/node#57736), leaving a request hanging for good on a busy process; a timer holding
 * its controller cannot be. `clear()` stops the timer once the work is done.
 */
export function signalWithTimeout(
  signals: readonly AbortSignal[],
  ms: number,
): { signal: AbortSignal; timedOut: () => boolean; clear: () => void } {
  const timeout = new AbortController()
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  )
  // The timer alone must not keep a process that is shutting down alive.
  timer.unref()
  return {
    signal: AbortSignal.any([...signals, timeout.signal]),
    timedOut: () => timeout.signal.aborted,
    clear: () => clearTimeout(timer),
  }
}
