/**
 * Tools API latency at 10,000 tools: a real server on a loopback port with a file-based database,
 * seeded over HTTP, then p50/p99 of the list (first page, cursor pages, search) and count routes.
 * Run alone with `npx tsx bench/tools-api.ts`.
 */
import { pathToFileURL } from 'node:url'

import { seedTools } from './seed-tools.ts'
import { serveBenchApp } from './support.ts'

const TOOL_COUNT = 10_000
const REQUESTS = 500
const WARMUP = 20

interface Measured {
  request: string
  p50: number
  p99: number
  rows: number
}

export async function benchToolsApi(): Promise<void> {
  const { url, close } = await serveBenchApp('tools')
  try {
    const seedStart = performance.now()
    const tools = await seedTools(url, TOOL_COUNT)
    const seedSeconds = (performance.now() - seedStart) / 1000
    console.log(
      `Seeded ${TOOL_COUNT} tools over HTTP in ${seedSeconds.toFixed(1)} s (${Math.round(TOOL_COUNT / seedSeconds)} tools/s)`,
    )
    const cursorAt = (i: number) => tools[Math.floor((i * 7919) % (tools.length - 60))]?.id ?? ''
    const results: Measured[] = [
      await measure(url, 'GET /v1/tools?limit=50', () => '/v1/tools?limit=50'),
      await measure(
        url,
        'GET /v1/tools?limit=50&after=<id>',
        (i) => `/v1/tools?limit=50&after=${cursorAt(i)}`,
      ),
      await measure(
        url,
        'GET /v1/tools?limit=50&order=desc&after=<id>',
        (i) => `/v1/tools?limit=50&order=desc&after=${cursorAt(i)}`,
      ),
      await measure(
        url,
        'GET /v1/tools?limit=50&search=invoice',
        () => '/v1/tools?limit=50&search=invoice',
      ),
      await measure(
        url,
        'GET /v1/tools?limit=50&search=<no match>',
        () => '/v1/tools?limit=50&search=no-such-words',
      ),
      await measure(
        url,
        'GET /v1/tools?limit=50&tags=finance',
        () => '/v1/tools?limit=50&tags=finance',
      ),
      await measure(url, 'GET /v1/tools/count', () => '/v1/tools/count'),
      await measure(
        url,
        'GET /v1/tools/count?search=invoice',
        () => '/v1/tools/count?search=invoice',
      ),
    ]
    printTable(results)
  } finally {
    await close()
  }
}

async function measure(
  url: string,
  request: string,
  pathFor: (index: number) => string,
): Promise<Measured> {
  const timings: number[] = []
  let rows = 0
  for (let index = 0; index < WARMUP + REQUESTS; index += 1) {
    const start = performance.now()
    const response = await fetch(`${url}${pathFor(index)}`)
    const body = (await response.json()) as unknown
    const elapsed = performance.now() - start
    if (!response.ok)
      throw new Error(`${request} answered ${response.status}: ${JSON.stringify(body)}`)
    if (index >= WARMUP) timings.push(elapsed)
    rows = Array.isArray(body) ? body.length : Number(body)
  }
  timings.sort((a, b) => a - b)
  return { request, p50: percentile(timings, 0.5), p99: percentile(timings, 0.99), rows }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0
}

function printTable(results: Measured[]): void {
  const width = Math.max(...results.map((result) => result.request.length))
  console.log(`\nTools API at ${TOOL_COUNT} tools, ${REQUESTS} sequential requests each (ms)`)
  console.log(`${'request'.padEnd(width)}  ${'p50'.padStart(7)}  ${'p99'.padStart(7)}  result`)
  for (const { request, p50, p99, rows } of results) {
    console.log(
      `${request.padEnd(width)}  ${p50.toFixed(2).padStart(7)}  ${p99.toFixed(2).padStart(7)}  ${rows}`,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchToolsApi()
}
