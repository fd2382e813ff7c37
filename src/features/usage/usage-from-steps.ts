import type { components } from '@/api/generated/schema'

import { bucketLabel, bucketStart, bucketStarts, type UsageBucket } from './time-buckets'

export type UsageSummary = components['schemas']['UsageSummary']
export type UsageFigures = components['schemas']['UsageFigures']
type Step = components['schemas']['Step']
export type UsageGrouping = UsageSummary['group_by']

/** The fields of a Letta step that usage reads; Letta Cloud and self-hosted servers send all of them. */
export type UsageStep = Pick<
  Step,
  | 'id'
  | 'run_id'
  | 'agent_id'
  | 'model'
  | 'created_at'
  | 'prompt_tokens'
  | 'completion_tokens'
  | 'total_tokens'
> &
  Partial<
    Pick<
      Step,
      | 'cached_input_tokens'
      | 'reasoning_tokens'
      | 'prompt_tokens_details'
      | 'completion_tokens_details'
    >
  >

export interface UsageRequest {
  /** Start (inclusive) and end (exclusive), ms since the epoch. */
  start: number
  end: number
  timeZone: string
  bucket: UsageBucket
  groupBy: UsageGrouping
  topRuns: number
}

/** A step time as an instant; Letta servers may omit the offset of a UTC time. */
export function stepInstant(createdAt: string): number {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(createdAt)
  return Date.parse(hasOffset ? createdAt : `${createdAt}Z`)
}

const emptyFigures = (): UsageFigures => ({
  prompt_tokens: 0,
  completion_tokens: 0,
  cached_tokens: 0,
  reasoning_tokens: 0,
  total_tokens: 0,
  steps: 0,
  runs: 0,
})

function addStep(target: UsageFigures, step: UsageStep): void {
  target.prompt_tokens += step.prompt_tokens
  target.completion_tokens += step.completion_tokens
  target.cached_tokens += step.cached_input_tokens ?? step.prompt_tokens_details?.cached_tokens ?? 0
  target.reasoning_tokens +=
    step.reasoning_tokens ?? step.completion_tokens_details?.reasoning_tokens ?? 0
  target.total_tokens += step.total_tokens
  target.steps += 1
}

function byTotalThenKey(
  a: { total_tokens: number; key: string | null },
  b: { total_tokens: number; key: string | null },
): number {
  const keyA = a.key ?? ''
  const keyB = b.key ?? ''
  return b.total_tokens - a.total_tokens || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0)
}

interface RunFigures extends UsageFigures {
  run_id: string
  first: number
  started_at: string
  agent_id: string | null
  model: string | null
}

/**
 * The figures `GET /v1/usage-summary` gives, from the steps themselves: for servers without that
 * extension. Same rules: steps in [start, end), a run counted once where its first step in the range falls.
 */
export function summarizeSteps(steps: readonly UsageStep[], request: UsageRequest): UsageSummary {
  const { start, end, timeZone, bucket, groupBy } = request
  const starts = bucketStarts(start, end, bucket, timeZone)
  const indexOfStart = new Map(starts.map((instant, index) => [instant, index]))
  const series = starts.map(() => emptyFigures())
  const totals = emptyFigures()
  const groups = new Map<string | null, UsageFigures & { series: number[] }>()
  const models = new Map<string | null, UsageFigures>()
  const runs = new Map<string, RunFigures>()
  // Every real zone's offset is a multiple of 15 minutes, so a quarter hour never spans two buckets.
  const indexOfQuarter = new Map<number, number>()
  const bucketIndex = (instant: number) => {
    const quarter = instant - (instant % 900_000)
    let index = indexOfQuarter.get(quarter)
    if (index === undefined) {
      index = indexOfStart.get(bucketStart(quarter, bucket, timeZone)) ?? 0
      indexOfQuarter.set(quarter, index)
    }
    return index
  }

  for (const step of steps) {
    const instant = stepInstant(step.created_at)
    if (!(instant >= start && instant < end)) continue
    const index = bucketIndex(instant)
    addStep(series[index] as UsageFigures, step)
    addStep(totals, step)
    const key = groupBy === 'model' ? step.model : step.agent_id
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { ...emptyFigures(), series: starts.map(() => 0) }))
    addStep(group, step)
    group.series[index] = (group.series[index] ?? 0) + step.total_tokens
    let model = models.get(step.model)
    if (!model) models.set(step.model, (model = emptyFigures()))
    addStep(model, step)
    if (step.run_id) {
      let run = runs.get(step.run_id)
      if (!run) {
        run = {
          ...emptyFigures(),
          run_id: step.run_id,
          first: instant,
          started_at: step.created_at,
          agent_id: step.agent_id,
          model: step.model,
        }
        runs.set(step.run_id, run)
      } else if (instant < run.first) {
        Object.assign(run, {
          first: instant,
          started_at: step.created_at,
          agent_id: step.agent_id,
          model: step.model,
        })
      }
      addStep(run, step)
    }
  }

  for (const run of runs.values()) {
    ;(series[bucketIndex(run.first)] as UsageFigures).runs += 1
    totals.runs += 1
    const group = groups.get(groupBy === 'model' ? run.model : run.agent_id)
    if (group) group.runs += 1
    const model = models.get(run.model)
    if (model) model.runs += 1
  }

  const topRuns = [...runs.values()]
    .sort((a, b) => b.total_tokens - a.total_tokens || (a.run_id < b.run_id ? -1 : 1))
    .slice(0, request.topRuns)

  return {
    start_date: new Date(start).toISOString(),
    end_date: new Date(end).toISOString(),
    time_zone: timeZone,
    bucket,
    group_by: groupBy,
    totals,
    series: series.map((figures, index) => {
      const instant = starts[index] as number
      return {
        start: new Date(instant).toISOString(),
        label: bucketLabel(instant, bucket, timeZone),
        ...figures,
      }
    }),
    groups: [...groups]
      .map(([key, group]) => ({ key, name: groupBy === 'model' ? key : null, ...group }))
      .sort(byTotalThenKey),
    models: [...models].map(([key, figures]) => ({ key, ...figures })).sort(byTotalThenKey),
    top_runs: topRuns.map((run) => ({
      run_id: run.run_id,
      agent_id: run.agent_id,
      agent_name: null,
      model: run.model,
      started_at: run.started_at,
      prompt_tokens: run.prompt_tokens,
      completion_tokens: run.completion_tokens,
      cached_tokens: run.cached_tokens,
      reasoning_tokens: run.reasoning_tokens,
      total_tokens: run.total_tokens,
      steps: run.steps,
    })),
  }
}
