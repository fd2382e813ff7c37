import { describe, expect, it } from 'vitest'

import { ToolRunner } from '../services/tools/tool-runner.ts'

/** Prints when it starts and ends, by the clock, so the order of runs can be read back. */
const TIMED_SOURCE = `
import time

def timed(label: str) -> str:
    """Sleep a little and report when.

    Args:
        label: Which run this is.
    """
    started = time.time()
    time.sleep(0.3)
    return f"{label} {started} {time.time()}"
`

function spans(returns: string[]): { label: string; start: number; end: number }[] {
  return returns.map((text) => {
    const [label = '', start = '0', end = '0'] = text.split(' ')
    return { label, start: Number(start), end: Number(end) }
  })
}

const run = (runner: ToolRunner, label: string, signal?: AbortSignal) =>
  runner.run(
    {
      sourceCode: TIMED_SOURCE,
      name: 'timed',
      args: { label },
      envVars: {},
      returnCharLimit: 6000,
    },
    signal,
  )

describe('tool runs at once', () => {
  it('waits for a free slot instead of starting more interpreters than allowed', async () => {
    const runner = new ToolRunner({
      pythonPath: 'python3',
      timeoutSeconds: 10,
      searchPath: process.env.PATH,
      maxConcurrent: 1,
    })
    const outcomes = await Promise.all([run(runner, 'a'), run(runner, 'b'), run(runner, 'c')])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['success', 'success', 'success'])
    const runs = spans(outcomes.map((outcome) => outcome.toolReturn))
    // First come, first served, and never two at once.
    for (const [previous, next] of [
      [runs[0], runs[1]],
      [runs[1], runs[2]],
    ]) {
      expect(next?.start).toBeGreaterThanOrEqual(previous?.end ?? Infinity)
    }
  })

  it('lets a waiting run go when its request is abandoned, and keeps serving the rest', async () => {
    const runner = new ToolRunner({
      pythonPath: 'python3',
      timeoutSeconds: 10,
      searchPath: process.env.PATH,
      maxConcurrent: 1,
    })
    const abandoned = new AbortController()
    const first = run(runner, 'first')
    const gone = run(runner, 'gone', abandoned.signal)
    const last = run(runner, 'last')
    abandoned.abort(new Error('client went away'))
    await expect(gone).rejects.toThrow('client went away')
    const outcomes = await Promise.all([first, last])
    expect(outcomes.map((outcome) => outcome.toolReturn.split(' ')[0])).toEqual(['first', 'last'])
  })
})
