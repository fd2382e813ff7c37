import type { EmbeddingConfig } from '../../storage/sources-repository.ts'

/** Tokens per passage when a source does not say: Letta's default embedding_chunk_size. */
export const DEFAULT_CHUNK_SIZE = 300
/** Texts per embeddings request when a config does not say. */
export const DEFAULT_BATCH_SIZE = 32

/** Turns texts into vectors; one call is one batch (the caller cuts batches of batch_size). */
export interface Embedder {
  readonly config: EmbeddingConfig
  embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]>
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0
  for (const value of vector) sum += value * value
  if (sum > 0) {
    const scale = 1 / Math.sqrt(sum)
    for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) * scale
  }
  return vector
}
