/**
 * Usage summary latency at 100,000 steps: a real server on a loopback port with a file-based
 * database, steps written straight into it over 30 days (8 agents, 4 models), then p50/p99 of
 * GET /v1/usage-summary for the ranges the usage page asks for. Run alone with `npx tsx bench/usage-api.ts`.
 */
import { pathToFileURL } from 'node:url'

import { generateSteps, insertSteps } from '../server/test/usage-steps.ts'
import { serveBenchApp } from './support.ts'

export const USAGE_STEP_COUNT = 100_000
const REQUESTS = 30
const WARMUP = 3
const DAY_MS = 86_400_000

export const benchAgentIds = Array.from(
  { length: 8 },
  (_, i) => `agent-00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
)

/** 100,000 steps over the 30 days before now, so the page's "Last 30 days" preset covers them. */
export function benchSteps() {
  return generateSteps({
    count: USAGE_STEP_COUNT,
    start: Date.now() - 30 * DAY_MS,
    days: 30,
    agentIds: benchAgentIds,
    models: ['gpt-4o-mini', 'gpt-4.1', 'claude-sonnet-4', 'llama3.1:8b'],
    seed: 42,
  })
}

export async function benchUsageApi(): Promise<void> {
  const { url, server, close } = await serveBenchApp('usage')
  try {
    const seedStart = performance.now()
    insertSteps(server.db, benchSteps())
    console.log(
      `Wrote ${USAGE_STEP_COUNT} steps in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    )
    const end = new Date().toISOString()
    const start = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()
    const requests: [string, string][] = [
      [
        '30 days by day, by model, Europe/Paris',
        `start_date=${start(30)}&end_date=${end}&time_zone=Europe/Paris&group_by=model`,
      ],
      [
        '30 days by day, by agent, Asia/Kolkata',
        `start_date=${start(30)}&end_date=${end}&time_zone=Asia/Kolkata&group_by=agent`,
      ],
      [
        '7 days by hour, by model, UTC',
        `start_date=${start(7)}&end_date=${end}&bucket=hour&group_by=model`,
      ],
      [
        '24 hours by hour, by agent, UTC',
        `start_date=${start(1)}&end_date=${end}&bucket=hour&group_by=agent`,
      ],
    ]
    console.log(
      `\nGET /v1/usage-summary at ${USAGE_STEP_COUNT} steps, ${REQUESTS} sequential requests each (ms)`,
    )
    console.log(`${'range'.padEnd(40)}  ${'p50'.padStart(7)}  ${'p99'.padStart(7)}  steps in range`)
    for (const [name, query] of requests) {
      const timings: number[] = []
      let steps = 0
      for (let index = 0; index < WARMUP + REQUESTS; index += 1) {
        const started = performance.now()
        const response = await fetch(`${url}/v1/usage-summary?${query}`)
        const body = (await response.json()) as { totals: { steps: number } }
        if (!response.ok)
          throw new Error(`${name} answered ${response.status}: ${JSON.stringify(body)}`)
        if (index >= WARMUP) timings.push(performance.now() - started)
        steps = body.totals.steps
      }
      timings.sort((a, b) => a - b)
      console.log(
        `${name.padEnd(40)}  ${percentile(timings, 0.5).toFixed(2).padStart(7)}  ${percentile(timings, 0.99).toFixed(2).padStart(7)}  ${steps}`,
      )
    }
  } finally {
    await close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchUsageApi()
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0
}
