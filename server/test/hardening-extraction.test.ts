import { describe, expect, it } from 'vitest'

import { createTestApp, json } from './helpers.ts'
import { createSource, fixture, ingest } from './sources-helpers.ts'

/** The median time of `runs` calls, in milliseconds. */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number
}

describe('document extraction runs apart from the server', () => {
  it('leaves JSON.stringify and response times as they were after a PDF', async () => {
    const stringify = JSON.stringify
    const { app } = createTestApp()
    const source = await createSource(app, { embedding_chunk_size: 64 })
    const lines = Array.from({ length: 1000 }, (_, i) => `Line ${i} of the notes, about item ${i}.`)
    const text = await ingest(app, source.id, { name: 'notes.txt', data: lines.join('\n\n') })
    expect(text.job.status).toBe('completed')
    const listPassages = () =>
      json<unknown[]>(app.request(`/v1/sources/${source.id}/passages?limit=1000`))
    expect((await listPassages()).length).toBeGreaterThan(100)
    const before = await medianMs(7, listPassages)

    const pdf = await ingest(app, source.id, { name: 'orchard.pdf', data: fixture('orchard.pdf') })
    expect(pdf.job.status).toBe('completed')
    expect(pdf.passages.length).toBeGreaterThan(0)

    expect(JSON.stringify).toBe(stringify)
    const after = await medianMs(7, listPassages)
    // Generous, for a loaded machine: the regression this guards against made listing 14 times slower.
    expect(after).toBeLessThan(before * 6 + 200)
  })

  it('still extracts Word documents, and a broken PDF fails with a reason', async () => {
    const { app } = createTestApp()
    const source = await createSource(app)
    const docx = await ingest(app, source.id, {
      name: 'quarterly-notes.docx',
      data: fixture('quarterly-notes.docx'),
    })
    expect(docx.job.status).toBe('completed')
    const broken = await ingest(app, source.id, { name: 'broken.pdf', data: '%PDF-1.4 not really' })
    expect(broken.file.processing_status).toBe('error')
    expect(broken.file.error_message).toMatch(/not a readable PDF/)
  })
})
