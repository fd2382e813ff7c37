import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { ApiError } from '@/api/client'
import {
  fetchAgentNames,
  fetchStepsPage,
  fetchUsageSummary,
  usageKeys,
  type UsageSummaryParams,
} from '@/api/usage'

import { MAX_FALLBACK_STEPS, readStepsInRange } from './read-steps'
import type { UsageRequest, UsageSummary } from './usage-from-steps'

export type UsageAnswer =
  | { source: 'server' | 'steps'; summary: UsageSummary }
  | { source: 'steps'; tooLarge: true; read: number }

export const summaryParams = (request: UsageRequest): UsageSummaryParams => ({
  start_date: new Date(request.start).toISOString(),
  end_date: new Date(request.end).toISOString(),
  time_zone: request.timeZone,
  bucket: request.bucket,
  group_by: request.groupBy,
  top_runs: request.topRuns,
})

const requestOf = (params: UsageSummaryParams): UsageRequest => ({
  start: Date.parse(params.start_date),
  end: Date.parse(params.end_date),
  timeZone: params.time_zone,
  bucket: params.bucket,
  groupBy: params.group_by,
  topRuns: params.top_runs,
})

/** Adds agent names, which only the bundled server's sums carry, from the agent list. */
async function withAgentNames(summary: UsageSummary, signal: AbortSignal): Promise<UsageSummary> {
  const names = await fetchAgentNames(signal).catch(() => new Map<string, string>())
  return {
    ...summary,
    groups: summary.groups.map((group) =>
      summary.group_by === 'agent' && group.key
        ? { ...group, name: names.get(group.key) ?? null }
        : group,
    ),
    top_runs: summary.top_runs.map((run) => ({
      ...run,
      agent_name: run.agent_id ? (names.get(run.agent_id) ?? null) : null,
    })),
  }
}

/**
 * The usage figures: from `GET /v1/usage-summary` where the server has it, else summed here from
 * every step of the range, with the number read so far while that goes on.
 */
export function useUsageSummary(request: UsageRequest | undefined) {
  const [stepsRead, setStepsRead] = useState<number | null>(null)
  const params = request ? summaryParams(request) : undefined
  const query = useQuery({
    queryKey: usageKeys.summary(params as UsageSummaryParams),
    enabled: Boolean(params),
    queryFn: async ({ signal }): Promise<UsageAnswer> => {
      const asked = params as UsageSummaryParams
      const wanted = requestOf(asked)
      setStepsRead(null)
      try {
        return { source: 'server', summary: await fetchUsageSummary(asked, signal) }
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error
      }
      setStepsRead(0)
      const read = await readStepsInRange(
        (page, pageSignal) => fetchStepsPage(page, pageSignal),
        wanted,
        { onProgress: setStepsRead, signal, maxSteps: MAX_FALLBACK_STEPS },
      )
      if (!read.complete) return { source: 'steps', tooLarge: true, read: read.steps.length }
      // Summing steps here is for servers without the usage route; its code loads only for them.
      const { summarizeSteps } = await import('./usage-from-steps')
      const summary = summarizeSteps(read.steps, wanted)
      return { source: 'steps', summary: await withAgentNames(summary, signal) }
    },
  })
  return { query, stepsRead }
}
