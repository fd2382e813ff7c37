import { z } from '@hono/zod-openapi'

import { JOB_STATUSES, JOB_TYPES } from '../../storage/jobs-repository.ts'
import { exampleId } from './common.ts'

export const JobStatusSchema = z.enum(JOB_STATUSES).openapi('JobStatus')
export const JobTypeSchema = z.enum(JOB_TYPES).openapi('JobType')

export const JobSchema = z
  .object({
    id: z.string().openapi({ example: exampleId('job') }),
    status: JobStatusSchema,
    job_type: JobTypeSchema,
    created_at: z.string(),
    updated_at: z.string(),
    completed_at: z.string().nullable(),
    stop_reason: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    callback_url: z.string().nullable(),
    callback_sent_at: z.string().nullable(),
    callback_status_code: z.number().int().nullable(),
    callback_error: z.string().nullable(),
    created_by_id: z.string().nullable(),
    last_updated_by_id: z.string().nullable(),
    user_id: z.string().nullable(),
  })
  .openapi('Job')
