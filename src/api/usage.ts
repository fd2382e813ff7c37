import { api, call } from './client'

export interface UsageSummaryParams {
  start_date: string
  end_date: string
  time_zone: string
  bucket: 'hour' | 'day'
  group_by: 'model' | 'agent'
  top_runs: number
}

export const usageKeys = {
  all: ['usage'] as const,
  summary: (params: UsageSummaryParams) => ['usage', 'summary', params] as const,
}

/** This server's usage extension; a Letta server without it answers 404 (an ApiError). */
export const fetchUsageSummary = (params: UsageSummaryParams, signal?: AbortSignal) =>
  call(() => api.GET('/v1/usage-summary', { params: { query: params }, signal }))

export interface StepsPageParams {
  start_date: string
  end_date: string
  order: 'asc'
  limit: number
  after?: string | undefined
}

/** One page of Letta's step listing, which every Letta server has. */
export const fetchStepsPage = (params: StepsPageParams, signal?: AbortSignal) =>
  call(() => api.GET('/v1/steps', { params: { query: params }, signal }))

/** The names of the agents the server has, by id. */
export async function fetchAgentNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const agents = await call(() =>
    api.GET('/v1/agents', { params: { query: { limit: 1000, order: 'desc' } }, signal }),
  )
  return new Map(agents.map((agent) => [agent.id, agent.name]))
}
