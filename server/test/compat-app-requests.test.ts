import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import {
  operationsOf,
  routeKey,
  type OpenApiDocument,
  type Parameter,
} from './compat/openapi-diff.ts'

/**
 * The console's own requests against Letta's published document (beside the project, in CI too):
 * every operation the app calls exists there with no required parameter left out, or is a
 * capability the console detects before relying on it. The app is read as text: the server's
 * tests never import app code.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const UPSTREAM = join(ROOT, '..', 'shared', 'upstream', 'letta-openapi.json')
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument

function appSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : appSourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** `METHOD /v1/...` of every typed client call in the app, plus the upload sent by XMLHttpRequest. */
function appCalls(): Set<string> {
  const calls = new Set<string>([routeKey('POST', '/v1/sources/{source_id}/upload')])
  for (const file of appSourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\.(GET|POST|PUT|PATCH|DELETE)\(\s*'(\/v1\/[^']+)'/g)) {
      calls.add(routeKey(match[1] ?? '', match[2] ?? ''))
    }
  }
  return calls
}

/** The routes each capability in the app's table guards: the console uses them only once detected. */
function capabilityProbes(): string[] {
  const table = readFileSync(join(ROOT, 'src', 'lib', 'capabilities.ts'), 'utf8')
  const probes = [...table.matchAll(/probe: \{ method: '(GET|POST)', path: '([^']+)' \}/g)].map(
    (match) => routeKey(match[1] ?? '', (match[2] ?? '').replace(/\?.*$/, '')),
  )
  // Routes a capability's pages call beyond its probe (its `alsoUses`), written `METHOD /path`.
  const alsoUsed = [...table.matchAll(/'(GET|POST|PATCH|DELETE) (\/v1\/[^']+)'/g)].map((match) =>
    routeKey(match[1] ?? '', match[2] ?? ''),
  )
  return [...probes, ...alsoUsed]
}

describe.skipIf(!existsSync(UPSTREAM))("the console's requests against Letta's document", () => {
  const upstream = operationsOf(readJson(UPSTREAM))
  const bundled = operationsOf(readJson(join(ROOT, 'src', 'api', 'generated', 'openapi.json')))
  const calls = appCalls()
  const probes = capabilityProbes()

  it('finds the requests the console makes and the capabilities it detects', () => {
    expect(calls.size).toBeGreaterThan(20)
    expect(calls).toContain('GET /v1/tools')
    expect(probes).toContain('GET /v1/upload-policy')
  })

  it('sends a request Letta lacks only where a detected capability allows it', () => {
    const unguarded = [...calls].filter((key) => !upstream.has(key) && !probes.includes(key))
    expect(unguarded).toEqual([])
  })

  it('leaves out no query parameter Letta requires', () => {
    const missing: string[] = []
    for (const key of calls) {
      const theirs = upstream.get(key)?.operation
      const ours = bundled.get(key)?.operation
      for (const parameter of (theirs?.parameters ?? []) as Parameter[]) {
        const known = ((ours?.parameters ?? []) as Parameter[]).some(
          (each) => each.name === parameter.name,
        )
        if (parameter.required && parameter.in === 'query' && !known) {
          missing.push(`${key}: query ${parameter.name}`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})
