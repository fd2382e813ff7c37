/** What a Google-style docstring says about a function, read the way Letta's parser reads it. */
export interface ParsedDocstring {
  shortDescription: string
  longDescription: string
  /** Parameter name -> its description from the `Args:` section (also Arguments/Parameters/Params). */
  params: Map<string, string>
}

// Section titles that end the description; a title counts only alone on an unindented line.
const SECTION_TITLES = [
  'Arguments',
  'Args',
  'Parameters',
  'Params',
  'Raises',
  'Exceptions',
  'Except',
  'Attributes',
  'Example',
  'Examples',
  'Returns',
  'Yields',
]
const PARAM_SECTIONS = new Set(['Arguments', 'Args', 'Parameters', 'Params'])
const TITLE_LINE = new RegExp(`^(${SECTION_TITLES.join('|')})[ \\t]*:[ \\t]*$`)
// `name (type): text` or `name: text`; the type may hold brackets, e.g. `tags (Optional[list[str]])`.
const TYPED_NAME = /^\s*(.+?)\s*\(\s*(.*\S)\s*\)\s*$/

/** PEP 257 cleaning, as Python's inspect.cleandoc: drops the common indentation and blank edges. */
export function cleanDocstring(text: string): string {
  const lines = text.split(/\r?\n/).map(expandTabs)
  const indents = lines
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.length - line.trimStart().length)
  const margin = indents.length ? Math.min(...indents) : 0
  const cleaned = [
    (lines[0] ?? '').trimStart(),
    ...lines.slice(1).map((line) => line.slice(margin)),
  ]
  while (cleaned.length && !cleaned[0]?.trim()) cleaned.shift()
  while (cleaned.length && !cleaned[cleaned.length - 1]?.trim()) cleaned.pop()
  return cleaned.map((line) => line.trimEnd()).join('\n')
}

/** Python's str.expandtabs(): each tab moves to the next multiple of 8 columns. */
function expandTabs(line: string): string {
  let result = ''
  for (const char of line) result += char === '\t' ? ' '.repeat(8 - (result.length % 8)) : char
  return result
}

export function parseDocstring(raw: string): ParsedDocstring {
  const lines = cleanDocstring(raw).split('\n')
  const firstTitle = lines.findIndex((line) => TITLE_LINE.test(line))
  const descriptionLines = firstTitle === -1 ? lines : lines.slice(0, firstTitle)
  const [short = '', ...long] = descriptionLines
  const params = new Map<string, string>()
  if (firstTitle !== -1) {
    for (const section of splitSections(lines.slice(firstTitle))) {
      if (!PARAM_SECTIONS.has(section.title)) continue
      for (const entry of splitEntries(section.lines)) {
        const parsed = parseEntry(entry)
        if (parsed && !params.has(parsed.name)) params.set(parsed.name, parsed.description)
      }
    }
  }
  return {
    shortDescription: short.trim(),
    longDescription: long.join('\n').trim(),
    params,
  }
}

function splitSections(lines: string[]): { title: string; lines: string[] }[] {
  const sections: { title: string; lines: string[] }[] = []
  for (const line of lines) {
    const title = TITLE_LINE.exec(line)?.[1]
    if (title) sections.push({ title, lines: [] })
    else sections[sections.length - 1]?.lines.push(line)
  }
  return sections
}

/** An entry starts at the section's first indentation level; deeper lines continue it. */
function splitEntries(lines: string[]): string[][] {
  const firstLine = lines.find((line) => line.trim())
  if (firstLine === undefined) return []
  const indent = firstLine.length - firstLine.trimStart().length
  const entries: string[][] = []
  for (const line of lines) {
    const lineIndent = line.length - line.trimStart().length
    if (line.trim() && lineIndent <= indent) entries.push([line.slice(lineIndent)])
    else entries[entries.length - 1]?.push(line)
  }
  return entries
}

function parseEntry(entry: string[]): { name: string; description: string } | undefined {
  const [head = '', ...continuation] = entry
  const colon = findTopLevelColon(head)
  if (colon === -1) return undefined
  const before = head.slice(0, colon)
  const name = (TYPED_NAME.exec(before)?.[1] ?? before).trim()
  const first = head.slice(colon + 1).trim()
  const rest = cleanDocstring(['', ...continuation].join('\n'))
  return { name, description: [first, rest].filter(Boolean).join('\n') }
}

/** The `:` ending the name part, skipping any inside the bracketed type, e.g. `x (dict[str, int]):`. */
function findTopLevelColon(text: string): number {
  let depth = 0
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]
    if (char === '(' || char === '[') depth += 1
    else if (char === ')' || char === ']') depth -= 1
    else if (char === ':' && depth <= 0) return index
  }
  return -1
}
