import { z } from '@hono/zod-openapi'

import type { IdPrefix } from '../../storage/ids.ts'

/** An id as the documents show it: Letta's `<prefix>-<uuid4>`. */
export const exampleId = (prefix: IdPrefix) => `${prefix}-5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f`

/**
 * Which id prefix each `{..._id}` path parameter carries. Every route's id parameters are checked
 * against this one map, so an id can never be empty, a dot segment, or another kind's id.
 */
export const PATH_ID_PREFIXES = {
  agent_id: 'agent',
  // A batch is a job of type batch, so its id is a job's.
  batch_id: 'job',
  block_id: 'block',
  file_id: 'file',
  folder_id: 'source',
  job_id: 'job',
  message_id: 'message',
  passage_id: 'passage',
  run_id: 'run',
  source_id: 'source',
  step_id: 'step',
  tool_id: 'tool',
} as const satisfies Record<string, IdPrefix>

export type PathIdName = keyof typeof PATH_ID_PREFIXES

/** Letta's pattern for `<prefix>-<uuid4>`, lower-case hex as its ids are minted. */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(
    `^${prefix}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
  )
}

/** A `<prefix>-<uuid4>` string; anything else fails validation (422, as Letta answers). */
export function idString(prefix: IdPrefix) {
  const pattern = idPattern(prefix)
  return z
    .string()
    .regex(pattern, { message: `Invalid ID format: expected '${prefix}-<uuid4>'` })
    .openapi({ pattern: pattern.source, example: exampleId(prefix) })
}

/** The path parameter `{name}`, checked against the id prefix PATH_ID_PREFIXES gives it. */
export function idParam<const Name extends PathIdName>(name: Name) {
  const shape = {
    [name]: idString(PATH_ID_PREFIXES[name]).openapi({ param: { name, in: 'path' } }),
  }
  return z.object(shape as Record<Name, z.ZodString>)
}

/**
 * Bounds on what a client may store, documented in the README: Letta sets none, and without them
 * one request could store hundreds of megabytes in a description.
 */
export const TEXT_BOUNDS = {
  /** Names, types, tags, versions: one line. */
  name: 255,
  /** Descriptions and instructions. */
  description: 50_000,
  /** Python source of a tool. */
  sourceCode: 1_000_000,
  /** Tags on one tool, requirements of one tool. */
  listItems: 100,
  /** One environment variable value of a tool run. */
  envValue: 32_768,
} as const

/** A string of at most `max` characters; longer answers 400 naming the field. */
export const boundedString = (max: number) =>
  z.string().max(max, { message: `Too long: at most ${max} characters` })

// Documented as a boolean, so generated clients send true/false; any casing of true/false/1/0 is read.
export const QueryBoolean = z.stringbool().openapi({ type: 'boolean' })

/** `?x=a&x=b` and `?x=a,b` (or both) become ['a', 'b']; an absent parameter stays undefined. */
export function splitQueryList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean)
}
