/** `{{name}}` in a block value, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The distinct variable names the texts use, in order of first appearance. */
export function variablesIn(texts: readonly string[]): string[] {
  const names = new Set<string>()
  for (const text of texts) {
    for (const match of text.matchAll(PLACEHOLDER)) if (match[1]) names.add(match[1])
  }
  return [...names]
}

/** The text with every placeholder whose name has a value replaced by that value. */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  )
}

/** The names the texts use that have no value. */
export function missingVariables(
  texts: readonly string[],
  values: Readonly<Record<string, string>>,
): string[] {
  return variablesIn(texts).filter((name) => !Object.hasOwn(values, name))
}
