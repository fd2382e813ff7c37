import type { EmbeddingConfig } from '../../storage/sources-repository.ts'
import { DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, normalise, type Embedder } from './embedder.ts'

export const LEXICAL_HASH_DIM = 384
export const LEXICAL_HASH_MODEL = 'lexical-hash-384'
export const LEXICAL_HASH_HANDLE = 'letta-admin/lexical-hash-384'
export const LOCAL_ENDPOINT_TYPE = 'local'

export function lexicalHashConfig(
  chunkSize: number | null = DEFAULT_CHUNK_SIZE,
  batchSize = DEFAULT_BATCH_SIZE,
): EmbeddingConfig {
  return {
    embedding_endpoint_type: LOCAL_ENDPOINT_TYPE,
    embedding_endpoint: null,
    embedding_model: LEXICAL_HASH_MODEL,
    embedding_dim: LEXICAL_HASH_DIM,
    embedding_chunk_size: chunkSize,
    batch_size: batchSize,
    handle: LEXICAL_HASH_HANDLE,
  }
}

const WORD = /[\p{L}\p{N}]+/gu
const WORD_WEIGHT = 1
const TRIGRAM_WEIGHT = 0.5

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
// Seeds keep words and trigrams apart: the same letters as a word and as a trigram hash differently.
const WORD_SEED = 1
const TRIGRAM_SEED = 2
const WORD_START = 0x5e // ^
const WORD_END = 0x24 // $

function add(vector: Float32Array, hash: number, weight: number): void {
  // The hash modulo dim picks the dimension, its top bit the sign: collisions cancel out, not pile up.
  const index = (hash >>> 0) % vector.length
  vector[index] = (vector[index] ?? 0) + (hash & 0x80000000 ? -weight : weight)
}

/**
 * A lexical embedding, not a semantic one: hashed (FNV-1a) word and character-trigram counts,
 * L2-normalised. Texts that share words (or word fragments, so plurals and typos still overlap)
 * score high on cosine similarity; synonyms do not. Deterministic, offline, no model download.
 */
export function lexicalHashEmbedding(text: string, dim = LEXICAL_HASH_DIM): Float32Array {
  const vector = new Float32Array(dim)
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0]
    let hash = (FNV_OFFSET ^ WORD_SEED) >>> 0
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME)
    add(vector, hash, WORD_WEIGHT)
    // Trigrams of the word padded as ^word$, hashed without building the strings.
    let first = WORD_START
    let second = word.charCodeAt(0)
    for (let i = 1; i <= word.length; i++) {
      const third = i === word.length ? WORD_END : word.charCodeAt(i)
      let trigram = (FNV_OFFSET ^ TRIGRAM_SEED) >>> 0
      trigram = Math.imul(trigram ^ first, FNV_PRIME)
      trigram = Math.imul(trigram ^ second, FNV_PRIME)
      trigram = Math.imul(trigram ^ third, FNV_PRIME)
      add(vector, trigram, TRIGRAM_WEIGHT)
      first = second
      second = third
    }
  }
  return normalise(vector)
}

export class LexicalHashEmbedder implements Embedder {
  constructor(readonly config: EmbeddingConfig = lexicalHashConfig()) {}

  async embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    signal.throwIfAborted()
    return texts.map((text) => lexicalHashEmbedding(text, this.config.embedding_dim))
  }
}
