import { createRoute, z } from '@hono/zod-openapi'

import { errorResponses, HttpError, notFound } from '../http/errors.ts'
import { jsonResponse, preparedJson } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { JobService } from '../services/jobs.ts'
import { ACTIVE_JOB_STATUSES, type Job, type JobStatus } from '../storage/jobs-repository.ts'
import type { JsonBytes } from '../storage/list-json-cache.ts'
import { idParam, QueryBoolean, splitQueryList } from './schemas/common.ts'
import { JobSchema, JobStatusSchema, JobTypeSchema } from './schemas/job.ts'

/** How long cancel and delete wait for a running job's work to stop and remove its partial results. */
const RELEASE_TIMEOUT_MS = 15_000

const JobFiltersQuery = z.object({
  source_id: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'Only jobs that work on this source (file uploads into it).' }),
  status: z
    .preprocess(splitQueryList, z.array(JobStatusSchema))
    .optional()
    .openapi({
      description: 'Only jobs in these statuses; repeat the parameter or separate with commas.',
      param: { style: 'form', explode: true },
    }),
  job_type: JobTypeSchema.optional().openapi({ description: 'Only jobs of this type.' }),
  before: z.string().min(1).optional().openapi({
    description: 'A job id: only jobs created before (older than) it, whatever the order.',
  }),
  after: z.string().min(1).optional().openapi({
    description: 'A job id: only jobs created after (newer than) it, whatever the order.',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ description: 'The most jobs to return (default 100).', example: 100 }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .openapi({ description: "Creation order: 'desc' (newest first, default) or 'asc'." }),
  order_by: z.enum(['created_at']).optional().openapi({ description: 'Always created_at.' }),
  ascending: QueryBoolean.optional().openapi({
    description: "Older clients' form of `order`: true is asc, false desc. `order` wins.",
    deprecated: true,
  }),
})

const ListJobsQuery = JobFiltersQuery.extend({
  active: QueryBoolean.optional().openapi({
    description: 'Only jobs that have not finished (created, pending or running).',
  }),
})

const JobIdParam = idParam('job_id')

const listJobsRoute = createRoute({
  method: 'get',
  path: '/v1/jobs',
  tags: ['jobs'],
  summary: 'List jobs, newest first, with filters and cursor paging',
  request: { query: ListJobsQuery },
  responses: { 200: jsonResponse(z.array(JobSchema), 'The jobs'), ...errorResponses(400, 422) },
})

const listActiveJobsRoute = createRoute({
  method: 'get',
  path: '/v1/jobs/active',
  tags: ['jobs'],
  summary: 'List the jobs that have not finished (created, pending or running)',
  request: { query: JobFiltersQuery },
  responses: {
    200: jsonResponse(z.array(JobSchema), 'The unfinished jobs'),
    ...errorResponses(400, 422),
  },
})

const getJobRoute = createRoute({
  method: 'get',
  path: '/v1/jobs/{job_id}',
  tags: ['jobs'],
  summary: 'Get a job: its status, progress and results',
  request: { params: JobIdParam },
  responses: { 200: jsonResponse(JobSchema, 'The job'), ...errorResponses(404) },
})

const deleteJobRoute = createRoute({
  method: 'delete',
  path: '/v1/jobs/{job_id}',
  tags: ['jobs'],
  summary: 'Delete a job, first stopping it and removing its partial work if it is running',
  request: { params: JobIdParam },
  responses: {
    200: jsonResponse(JobSchema, 'The job as it was last, before deletion'),
    ...errorResponses(404),
  },
})

const cancelJobRoute = createRoute({
  method: 'patch',
  path: '/v1/jobs/{job_id}/cancel',
  tags: ['jobs'],
  summary: 'Cancel a job that has not finished; its work stops and its partial results are removed',
  request: { params: JobIdParam },
  responses: {
    200: jsonResponse(JobSchema, 'The cancelled job'),
    ...errorResponses(404, 409),
  },
})

type FiltersQuery = z.output<typeof JobFiltersQuery>

function listJobs(jobs: JobService, query: FiltersQuery, onlyActive: boolean): JsonBytes<Job[]> {
  let statuses: readonly JobStatus[] | undefined = query.status
  if (onlyActive) {
    statuses = statuses
      ? statuses.filter((status) => ACTIVE_JOB_STATUSES.includes(status))
      : ACTIVE_JOB_STATUSES
  }
  const order =
    query.order ?? (query.ascending === undefined ? undefined : query.ascending ? 'asc' : 'desc')
  return jobs.listJson(
    { source_id: query.source_id, statuses, job_type: query.job_type },
    { before: query.before, after: query.after, limit: query.limit, order },
  )
}

function findJob(jobs: JobService, id: string): Job {
  const job = jobs.get(id)
  if (!job) throw notFound('Job', id)
  return job
}

const notCancellable = (job: Job) =>
  new HttpError(
    409,
    `Job ${job.id} already ${job.status}; only created, pending or running jobs can be cancelled`,
  )

export function jobRoutes(jobs: JobService) {
  return createRouter()
    .openapi(listActiveJobsRoute, (c) => preparedJson(listJobs(jobs, c.req.valid('query'), true)))
    .openapi(listJobsRoute, (c) => {
      const query = c.req.valid('query')
      return preparedJson(listJobs(jobs, query, query.active === true))
    })
    .openapi(getJobRoute, (c) => c.json(findJob(jobs, c.req.valid('param').job_id), 200))
    .openapi(cancelJobRoute, async (c) => {
      const job = findJob(jobs, c.req.valid('param').job_id)
      if (!jobs.isActive(job)) throw notCancellable(job)
      const cancelled = jobs.cancel(job.id)
      // It finished on its own between the two reads.
      if (!cancelled || cancelled.status !== 'cancelled') throw notCancellable(cancelled ?? job)
      await jobs.whenReleased(job.id, RELEASE_TIMEOUT_MS)
      return c.json(jobs.get(job.id) ?? cancelled, 200)
    })
    .openapi(deleteJobRoute, async (c) => {
      const job = findJob(jobs, c.req.valid('param').job_id)
      if (jobs.isActive(job)) {
        jobs.cancel(job.id)
        await jobs.whenReleased(job.id, RELEASE_TIMEOUT_MS)
      }
      const last = jobs.get(job.id)
      if (!last) throw notFound('Job', job.id)
      jobs.delete(job.id)
      return c.json(last, 200)
    })
}
