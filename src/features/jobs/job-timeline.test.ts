import { describe, expect, it } from 'vitest'

import type { Job } from '@/api/jobs'

import { jobTimelineSteps } from './job-timeline'
import { testJob } from './test-job'

const base = testJob({ status: 'created', created_at: '2025-01-01T00:00:00.000Z' })
const at = (status: string, completed_at: string | null = null) =>
  ({ ...base, status, completed_at }) as Job
const now = Date.parse(base.created_at) + 5_000

describe('jobTimelineSteps', () => {
  it('shows a running job with its running time and an open end', () => {
    const steps = jobTimelineSteps(at('running'), now)
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['Created', 'done'],
      ['Running', 'current'],
      ['Finished', 'waiting'],
    ])
    expect(steps[1]?.note).toBe('for 5.0 s')
  })

  it('shows a waiting job as not yet run', () => {
    expect(jobTimelineSteps(at('pending'), now)[1]).toMatchObject({
      label: 'Waiting to run',
      state: 'waiting',
    })
  })

  it('gives a job cancelled while it waited no running step', () => {
    const steps = jobTimelineSteps(at('cancelled', '2025-01-01T00:00:01.000Z'), now)
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['Created', 'done'],
      ['Cancelled', 'failed'],
    ])
  })

  it('ends a finished job with its outcome, time and duration', () => {
    const done = jobTimelineSteps(at('completed', '2025-01-01T00:00:02.000Z'), now)
    expect(done[2]).toMatchObject({
      label: 'Completed',
      state: 'done',
      at: '2025-01-01T00:00:02.000Z',
      note: 'after 2.0 s',
    })
    const ranThenFailed = {
      ...at('failed', base.created_at),
      metadata: { started_at: base.created_at },
    }
    expect(jobTimelineSteps(ranThenFailed, now)[2]).toMatchObject({
      label: 'Failed',
      state: 'failed',
    })
    expect(jobTimelineSteps(at('archived'), now).at(-1)?.label).toBe('Finished (archived)')
    expect(jobTimelineSteps(at('not_started'), now)[2]).toMatchObject({ state: 'waiting' })
  })
})
