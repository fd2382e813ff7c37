/** The smallest chunk worth making: below this a chunk is mostly the 50-token overlap. */
export const MIN_CHUNK_SIZE = 64
export const MAX_CHUNK_SIZE = 8192

export type ChunkSizeResult = { ok: true; value: number } | { ok: false; reason: string }

/** Reads the chunk size field: empty means the model's default, anything else a whole number in range. */
export function parseChunkSize(text: string, fallback: number): ChunkSizeResult {
  const trimmed = text.trim()
  if (!trimmed) return { ok: true, value: fallback }
  if (!/^\d+$/.test(trimmed))
    return { ok: false, reason: 'Chunk size must be a whole number of tokens.' }
  const value = Number(trimmed)
  if (value < MIN_CHUNK_SIZE || value > MAX_CHUNK_SIZE) {
    return {
      ok: false,
      reason: `Chunk size must be between ${MIN_CHUNK_SIZE} and ${MAX_CHUNK_SIZE} tokens.`,
    }
  }
  return { ok: true, value }
}
