import { z } from '@hono/zod-openapi'

const count = (description: string) => z.number().int().openapi({ description })

const tokenSums = {
  prompt_tokens: count('Input tokens the provider reported.'),
  completion_tokens: count('Output tokens the provider reported.'),
  cached_tokens: count(
    'Input tokens served from the provider’s prompt cache (0 where none were reported).',
  ),
  reasoning_tokens: count('Output tokens spent on reasoning (0 where none were reported).'),
  total_tokens: count('Prompt plus completion tokens.'),
  steps: count('Model calls (steps), failed ones included.'),
}

const UsageFiguresShape = {
  ...tokenSums,
  runs: count('Runs whose first step in the range falls here.'),
}

export const UsageSummaryQuerySchema = z.object({
  start_date: z.string().max(40).openapi({
    description:
      'Start of the range, inclusive: a timestamp with offset (`2026-03-01T00:00:00Z`) or a date (`2026-03-01`, midnight in `time_zone`).',
    example: '2026-03-01',
  }),
  end_date: z.string().max(40).openapi({
    description:
      'End of the range, exclusive: a timestamp with offset, or a date (the end of that day in `time_zone`).',
    example: '2026-03-31',
  }),
  time_zone: z.string().max(64).optional().openapi({
    description: 'IANA time zone the buckets follow (default UTC).',
    example: 'Europe/Paris',
  }),
  bucket: z.string().max(16).optional().openapi({
    description: '`hour` (ranges up to 31 days) or `day` (up to 366 days, the default).',
    example: 'day',
  }),
  group_by: z.string().max(16).optional().openapi({
    description: '`model` (default) or `agent`: what `groups` are.',
    example: 'model',
  }),
  top_runs: z.coerce.number().int().min(0).max(100).optional().openapi({
    description: 'How many of the runs with the most tokens to list (default 10, at most 100).',
    example: 10,
  }),
})

export const UsageSummarySchema = z
  .object({
    start_date: z.string().openapi({ description: 'The resolved start, UTC.' }),
    end_date: z.string().openapi({ description: 'The resolved end (exclusive), UTC.' }),
    time_zone: z.string(),
    bucket: z.enum(['hour', 'day']),
    group_by: z.enum(['model', 'agent']),
    totals: z.object(UsageFiguresShape).openapi('UsageFigures'),
    series: z
      .array(
        z.object({
          start: z.string().openapi({ description: 'When the local hour or day begins, UTC.' }),
          label: z.string().openapi({
            description: 'The bucket in the time zone: `2026-03-01` or `2026-03-01 14:00`.',
          }),
          ...UsageFiguresShape,
        }),
      )
      .openapi({ description: 'Every bucket of the range in order, empty ones included.' }),
    groups: z
      .array(
        z.object({
          key: z
            .string()
            .nullable()
            .openapi({ description: 'The model, or the agent id; null when the steps name none.' }),
          name: z
            .string()
            .nullable()
            .openapi({ description: 'The model, or the agent’s name if it still exists.' }),
          ...UsageFiguresShape,
          series: z
            .array(z.number().int())
            .openapi({ description: 'Total tokens per bucket, aligned with `series`.' }),
        }),
      )
      .openapi({ description: 'By `group_by`, most tokens first.' }),
    models: z
      .array(z.object({ key: z.string().nullable(), ...UsageFiguresShape }))
      .openapi({ description: 'By model whatever the grouping, for cost estimates.' }),
    top_runs: z.array(
      z.object({
        run_id: z.string(),
        agent_id: z.string().nullable(),
        agent_name: z.string().nullable(),
        model: z
          .string()
          .nullable()
          .openapi({ description: 'The model of the run’s first step in the range.' }),
        started_at: z
          .string()
          .openapi({ description: 'When the run’s first step in the range began.' }),
        ...tokenSums,
      }),
    ),
  })
  .openapi('UsageSummary')
