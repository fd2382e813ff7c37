import { describe, expect, it } from 'vitest'

import { lexicalHashEmbedding } from '../services/embedding/lexical-hash.ts'
import { generatedText } from './generated-text.ts'
import { createTestApp } from './helpers.ts'
import { createSource, fakeEmbeddingsApi, ingest, vectorsFor } from './sources-helpers.ts'

const cosine = (a: Float32Array, b: Float32Array) =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0)

describe('the built-in lexical embedder', () => {
  it('is deterministic, 384-dimensional and unit length', () => {
    const a = lexicalHashEmbedding('The quick brown fox jumps over the lazy dog.')
    const b = lexicalHashEmbedding('The quick brown fox jumps over the lazy dog.')
    expect(a).toHaveLength(384)
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Math.hypot(...a)).toBeCloseTo(1, 5)
  })

  it('scores texts that share words above texts that do not', () => {
    const query = lexicalHashEmbedding('invoice payment overdue')
    const related = lexicalHashEmbedding('The payment for this invoice is overdue by ten days.')
    const unrelated = lexicalHashEmbedding('Comets have icy nuclei and long tails.')
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2)
    // Character trigrams let a plural still match its singular.
    const plural = lexicalHashEmbedding('invoices payments')
    expect(cosine(query, plural)).toBeGreaterThan(cosine(query, unrelated))
  })
})

const provider = (url: string, dimensions: number | undefined = 8) => ({
  embeddingProvider: { endpoint: url, model: 'fake-embed', apiKey: 'sk-test', dimensions },
})

describe('the OpenAI-compatible embeddings provider', () => {
  it('embeds in batches of batch_size and stores the vectors it returns', async () => {
    const api = await fakeEmbeddingsApi((request) => ({ status: 200, body: vectorsFor(request) }))
    const { app } = createTestApp(provider(api.url))
    const source = await createSource(app, {
      embedding_config: { embedding_model: 'fake-embed', batch_size: 5, embedding_chunk_size: 64 },
    })
    expect(source.embedding_config).toMatchObject({ handle: 'openai/fake-embed', embedding_dim: 8 })
    const { job, file, passages } = await ingest(app, source.id, {
      name: 'long.txt',
      data: generatedText(6000),
    })
    expect(job.status).toBe('completed')
    const total = file.total_chunks as number
    expect(total).toBeGreaterThan(10)
    const sizes = api.requests.map((request) => request.body.input.length)
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total)
    expect(sizes.slice(0, -1).every((size) => size === 5)).toBe(true)
    expect(sizes.at(-1)).toBeLessThanOrEqual(5)
    for (const request of api.requests) {
      expect(request.authorization).toBe('Bearer sk-test')
      expect(request.body).toMatchObject({
        model: 'fake-embed',
        dimensions: 8,
        encoding_format: 'float',
      })
    }
    expect(passages).toHaveLength(total)
    for (const passage of passages) {
      // Answers came back in reverse order; `index` put each vector with its own text.
      expect(passage.embedding[0]).toBe(passage.text.length)
      expect(passage.embedding_config).toMatchObject({
        embedding_dim: 8,
        handle: 'openai/fake-embed',
      })
    }
  })

  it('fails the file with the API error and keeps none of the batches already stored', async () => {
    const api = await fakeEmbeddingsApi((request, index) =>
      index === 0
        ? { status: 200, body: vectorsFor(request) }
        : { status: 401, body: { error: { message: 'Incorrect API key provided' } } },
    )
    const { app } = createTestApp(provider(api.url))
    const source = await createSource(app, {
      embedding_config: { embedding_model: 'fake-embed', batch_size: 2, embedding_chunk_size: 64 },
    })
    const { job, file, passages } = await ingest(app, source.id, {
      name: 'a.txt',
      data: generatedText(3000),
    })
    expect(api.requests.length).toBe(2)
    expect(file.processing_status).toBe('error')
    expect(file.error_message).toBe(
      `The embeddings API at ${api.url}/embeddings answered 401: Incorrect API key provided`,
    )
    expect(job).toMatchObject({ status: 'failed', metadata: { error: file.error_message } })
    expect(passages).toEqual([])
  })

  it('fails clearly on vectors of the wrong size and on an API that does not answer', async () => {
    const api = await fakeEmbeddingsApi((request) => ({
      status: 200,
      body: vectorsFor(request, 3),
    }))
    const wrongSize = createTestApp(provider(api.url))
    const source = await createSource(wrongSize.app)
    const result = await ingest(wrongSize.app, source.id, { name: 'a.txt', data: 'Some words.' })
    expect(result.file.error_message).toBe(
      `The embeddings API at ${api.url}/embeddings returned vectors of 3 dimensions, but fake-embed is configured for 8`,
    )

    const closed = await fakeEmbeddingsApi(() => ({ status: 200, body: {} }))
    await new Promise((resolve) => closed.server.close(resolve))
    const unreachable = createTestApp(provider(closed.url))
    const other = await createSource(unreachable.app)
    const failed = await ingest(unreachable.app, other.id, { name: 'b.txt', data: 'More words.' })
    expect(failed.file.error_message).toMatch(
      new RegExp(`^Cannot reach the embeddings API at ${closed.url}/embeddings: .+`),
    )
  })
})
