import { describe, expect, it } from 'vitest'

import { createTestApp, json } from './helpers.ts'
import { createSource, ingest, type PassageBody } from './sources-helpers.ts'

interface SearchResult {
  passage: PassageBody
  score: number
  metadata: Record<string, unknown>
}

type App = ReturnType<typeof createTestApp>['app']

const search = (app: App, body: unknown) =>
  Promise.resolve(
    app.request('/v1/passages/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

const SECTIONS = [
  '# Lighthouses\n\nThe lighthouse keeper trims the lamp wick at dusk and watches the harbour.',
  '# Orchards\n\nApple orchards need pruning in winter; the pickers fill crates in autumn.',
  '# Volcanoes\n\nBasalt forms when lava cools quickly near the volcano flanks.',
]

async function sourceWithSections() {
  const { app } = createTestApp()
  const source = await createSource(app, { embedding_chunk_size: 64 })
  await ingest(app, source.id, {
    name: 'notes.md',
    data: SECTIONS.join('\n\n'),
    type: 'text/markdown',
  })
  return { app, sourceId: source.id }
}

describe('POST /v1/passages/search', () => {
  it("ranks a source's passages by similarity to the query, best first, with scores", async () => {
    const { app, sourceId } = await sourceWithSections()
    const response = await search(app, { query: 'apple orchards pruning', source_id: sourceId })
    expect(response.status).toBe(200)
    const results = await json<SearchResult[]>(response)
    expect(results.length).toBeGreaterThanOrEqual(3)
    expect(results[0]?.passage.text).toContain('orchards')
    const scores = results.map((result) => result.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(-1)
    for (const score of scores) expect(score).toBeLessThanOrEqual(1.0001)
    expect(results[0]?.score).toBeGreaterThan(results.at(-1)?.score ?? 1)
    expect(results.every((result) => result.passage.source_id === sourceId)).toBe(true)

    const top = await json<SearchResult[]>(
      await search(app, { query: 'lava basalt', source_id: sourceId, limit: 1 }),
    )
    expect(top).toHaveLength(1)
    expect(top[0]?.passage.text).toContain('Basalt')
  })

  it('refuses what it cannot answer with a reason', async () => {
    const { app, sourceId } = await sourceWithSections()
    const cases: [unknown, number, RegExp][] = [
      [{ query: 'harbour' }, 400, /source_id is required/],
      [{ query: 'harbour', source_id: sourceId, agent_id: 'agent-1' }, 400, /not agent_id/],
      [{ query: 'harbour', source_id: 'source-missing' }, 404, /not found/],
      [{ query: '   ', source_id: sourceId }, 422, /query/],
      [{ query: 'x'.repeat(2001), source_id: sourceId }, 400, /query/],
      [{ query: 'harbour', source_id: sourceId, limit: 0 }, 422, /limit/],
      [{ query: 'harbour', source_id: sourceId, limit: 101 }, 422, /limit/],
    ]
    for (const [body, status, detail] of cases) {
      const response = await search(app, body)
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect((await json<{ detail: string }>(response)).detail).toMatch(detail)
    }
  })
})
