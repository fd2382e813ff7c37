/** Why a template name would be refused, or null; empty is allowed (the server makes one). */
export function templateNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (!trimmed) return null
  if (trimmed.length > 100) return 'A template name has at most 100 characters.'
  if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) {
    return 'A template name may hold only letters, digits, "-" and "_".'
  }
  return null
}

/** The variables left empty, in the order the form lists them. */
export function emptyVariables(names: readonly string[], values: Record<string, string>): string[] {
  return names.filter((name) => !values[name]?.trim())
}
