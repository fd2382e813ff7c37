/** Kept apart from the vitest helpers so the benchmarks can import it too. */

const WORDS = [
  'orchard',
  'lantern',
  'harbor',
  'velvet',
  'quartz',
  'meadow',
  'signal',
  'copper',
  'thistle',
  'glacier',
  'harvest',
  'pilgrim',
  'saffron',
  'tundra',
  'beacon',
  'marble',
  'falcon',
  'ember',
  'willow',
  'cobalt',
  'river',
  'summit',
  'canyon',
  'basil',
]

/**
 * Words from a fixed seed: the same large text every run, in numbered sentences (so no two are
 * alike) of 6 to 19 words, with a paragraph break every eight sentences.
 */
export function generatedText(bytes: number, seed = 7): string {
  let state = seed
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state
  }
  const parts: string[] = []
  let size = 0
  let sentence = 0
  while (size < bytes) {
    const length = 6 + (next() % 14)
    const sentenceWords: string[] = []
    for (let i = 0; i < length; i++) sentenceWords.push(WORDS[next() % WORDS.length] as string)
    const text = `${sentenceWords.join(' ')} ${sentence}.`
    const piece =
      text.charAt(0).toUpperCase() + text.slice(1) + (++sentence % 8 === 0 ? '\n\n' : ' ')
    parts.push(piece)
    size += piece.length
  }
  return parts.join('')
}
