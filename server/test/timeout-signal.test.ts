import { describe, expect, it } from 'vitest'

import { signalWithTimeout } from '../services/timeout-signal.ts'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('signalWithTimeout', () => {
  it('aborts once the time has passed, and says it timed out', async () => {
    const { signal, timedOut } = signalWithTimeout([], 20)
    expect(signal.aborted).toBe(false)
    await wait(80)
    expect(signal.aborted).toBe(true)
    expect(timedOut()).toBe(true)
    expect((signal.reason as DOMException).name).toBe('TimeoutError')
  })

  it('aborts with a source signal, which is not a timeout', () => {
    const source = new AbortController()
    const { signal, timedOut, clear } = signalWithTimeout([source.signal], 10_000)
    source.abort(new Error('cancelled'))
    expect(signal.aborted).toBe(true)
    expect(timedOut()).toBe(false)
    expect((signal.reason as Error).message).toBe('cancelled')
    clear()
  })

  it('never aborts once cleared', async () => {
    const { signal, clear } = signalWithTimeout([], 20)
    clear()
    await wait(80)
    expect(signal.aborted).toBe(false)
  })
})
