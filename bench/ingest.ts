/**
 * Ingestion throughput: a generated 20 MB text file uploaded to an in-process server (file-based
 * data directory, built-in embedder) and processed to passages. Prints MB/s, passages/s, peak
 * memory and the longest event-loop stalls. Run alone with `npx tsx bench/ingest.ts`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

import { generatedText } from '../server/test/generated-text.ts'
import { openBenchApp } from './support.ts'

const SIZE_BYTES = 20 * 1024 * 1024
const MB = 1024 * 1024

export async function benchIngest(): Promise<void> {
  const { server, close } = openBenchApp('ingest', { maxUploadBytes: 64 * MB })
  try {
    const text = generatedText(SIZE_BYTES)
    const bytes = Buffer.byteLength(text)
    const created = await server.app.request('/v1/sources', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    })
    const source = (await created.json()) as { id: string }

    let peakRss = process.memoryUsage().rss
    const baselineRss = peakRss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }, 50)
    const uploadStalls = monitorEventLoopDelay({ resolution: 10 })
    const ingestStalls = monitorEventLoopDelay({ resolution: 10 })
    uploadStalls.enable()

    const form = new FormData()
    form.append('file', new File([text], 'bench.txt', { type: 'text/plain' }))
    const started = performance.now()
    const response = await server.app.request(`/v1/sources/${source.id}/upload`, {
      method: 'POST',
      body: form,
    })
    if (response.status !== 200) throw new Error(`upload failed: ${await response.text()}`)
    const uploaded = performance.now()
    uploadStalls.disable()
    ingestStalls.enable()
    const job = (await response.json()) as { id: string }
    await server.context.ingestion.queue.idle()
    const finished = performance.now()
    clearInterval(sampler)
    ingestStalls.disable()
    peakRss = Math.max(peakRss, process.memoryUsage().rss)

    const final = server.context.jobs.get(job.id)
    if (final?.status !== 'completed') {
      throw new Error(`ingestion ended ${final?.status}: ${String(final?.metadata.error)}`)
    }
    const passages = Number(final.metadata.num_passages)
    const ingestSeconds = (finished - uploaded) / 1000
    const totalSeconds = (finished - started) / 1000
    const rows: [string, string][] = [
      ['file', `${(bytes / MB).toFixed(1)} MB of text, ${passages} passages of up to 300 tokens`],
      ['upload request', `${((uploaded - started) / 1000).toFixed(2)} s`],
      ['ingest (extract, chunk, embed, store)', `${ingestSeconds.toFixed(2)} s`],
      [
        'throughput',
        `${(bytes / MB / ingestSeconds).toFixed(2)} MB/s, ${Math.round(passages / ingestSeconds)} passages/s`,
      ],
      ['end to end (upload + ingest)', `${(bytes / MB / totalSeconds).toFixed(2)} MB/s`],
      [
        'peak RSS (sampled every 50 ms)',
        `${(peakRss / MB).toFixed(0)} MB (${(baselineRss / MB).toFixed(0)} MB before)`,
      ],
      ['max RSS (resourceUsage)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
      ['longest event-loop stall while ingesting', `${(ingestStalls.max / 1e6).toFixed(0)} ms`],
      [
        'longest stall in the upload request',
        `${(uploadStalls.max / 1e6).toFixed(0)} ms (multipart parse, in-process client)`,
      ],
    ]
    console.log('Ingestion benchmark (built-in lexical embedder, file-based SQLite)')
    for (const [label, value] of rows) console.log(`  ${label.padEnd(42)} ${value}`)
  } finally {
    await close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchIngest()
}
