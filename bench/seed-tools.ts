/**
 * Creates varied custom tools through a server's HTTP API, for benchmarks and demos:
 * different names, docstrings, parameter types and tags, sent 8 at a time.
 */

const VERBS = ['fetch', 'parse', 'summarize', 'convert', 'lookup', 'score', 'translate', 'format']
const NOUNS = ['weather', 'invoice', 'ticket', 'recipe', 'route', 'stock', 'article', 'contact']
const TAGS = [
  'web',
  'finance',
  'support',
  'food',
  'travel',
  'markets',
  'news',
  'crm',
  'beta',
  'internal',
]
const PARAMETERS = [
  { signature: 'query: str', doc: 'query (str): What to look for.' },
  { signature: 'limit: int = 10', doc: 'limit (int): The most results to return.' },
  { signature: 'threshold: float = 0.5', doc: 'threshold (float): The lowest score kept.' },
  { signature: 'verbose: bool = False', doc: 'verbose (bool): Whether to explain the result.' },
  { signature: 'ids: list[str]', doc: 'ids (list[str]): The records to include.' },
  { signature: 'options: Optional[dict] = None', doc: 'options (Optional[dict]): Extra settings.' },
  {
    signature: "unit: Literal['metric', 'imperial'] = 'metric'",
    doc: 'unit (Literal): The unit system of the answer.',
  },
]
const CONCURRENCY = 8

export interface SeededTool {
  id: string
  name: string
}

export interface SeedOptions {
  /** Sent with every request, e.g. `{ Authorization: 'Bearer <password>' }`. */
  headers?: Record<string, string>
}

/** The source of the index-th tool: deterministic, so runs are comparable. */
export function seedToolSource(
  index: number,
  runToken: string,
): { name: string; source: string; tags: string[] } {
  const verb = VERBS[index % VERBS.length] ?? 'fetch'
  const noun = NOUNS[Math.floor(index / VERBS.length) % NOUNS.length] ?? 'weather'
  const name = `${verb}_${noun}_${runToken}_${index}`
  const parameters = PARAMETERS.filter(
    (_, position) => (index >> position) % 2 === 0 || position === 0,
  )
  const source = `from typing import Literal, Optional


def ${name}(${parameters.map((parameter) => parameter.signature).join(', ')}) -> str:
    """${capitalize(verb)} the ${noun} records that match a query.

    Seeded tool number ${index}: it answers with a short text report about ${noun}s.

    Args:
${parameters.map((parameter) => `        ${parameter.doc}`).join('\n')}

    Returns:
        str: A short report.
    """
    return f"${verb} {query}"
`
  const tags = [TAGS[index % TAGS.length] ?? 'web', TAGS[(index * 7 + 3) % TAGS.length] ?? 'beta']
  return { name, source, tags: [...new Set(tags)] }
}

/** Creates `count` custom tools on the server at baseUrl and returns their ids and names. */
export async function seedTools(
  baseUrl: string,
  count: number,
  options: SeedOptions = {},
): Promise<SeededTool[]> {
  const runToken = Math.random().toString(36).slice(2, 6)
  const seeded: SeededTool[] = new Array<SeededTool>(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next
      next += 1
      const { source, tags } = seedToolSource(index, runToken)
      const response = await fetch(`${baseUrl}/v1/tools`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ source_code: source, tags }),
      })
      if (!response.ok) {
        throw new Error(
          `Creating seed tool ${index} failed: ${response.status} ${await response.text()}`,
        )
      }
      const tool = (await response.json()) as SeededTool
      seeded[index] = { id: tool.id, name: tool.name }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker))
  return seeded
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
