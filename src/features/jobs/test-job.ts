import type { Job } from '@/api/jobs'

/** A job as the server would send it, for tests: every field, with the given ones changed. */
export function testJob(overrides: Partial<Omit<Job, 'status'>> & { status: string }): Job {
  return {
    id: 'job-1',
    job_type: 'job',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:01.000Z',
    completed_at: null,
    stop_reason: null,
    metadata: {},
    callback_url: null,
    callback_sent_at: null,
    callback_status_code: null,
    callback_error: null,
    created_by_id: null,
    last_updated_by_id: null,
    user_id: null,
    ...overrides,
  } as Job
}
