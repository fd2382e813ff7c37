import { randomUUID } from 'node:crypto'

export type IdPrefix =
  | 'tool'
  | 'source'
  | 'file'
  | 'passage'
  | 'job'
  | 'run'
  | 'step'
  | 'agent'
  | 'block'
  | 'message'
  | 'template'
  | 'user'
  | 'org'

/** Letta's id format: `<prefix>-<uuid4>`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}-${randomUUID()}`
}

/** The single user of a bundled server: Letta objects always name who made them. */
export const DEFAULT_USER_ID = 'user-00000000-0000-4000-8000-000000000000'

export function nowIso(): string {
  return new Date().toISOString()
}
