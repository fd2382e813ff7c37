import type { EmbeddingConfig } from '../../storage/sources-repository.ts'

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
