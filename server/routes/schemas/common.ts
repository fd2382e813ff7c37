import { z } from '@hono/zod-openapi'

import type { IdPrefix } from '../../storage/ids.ts'

/** An id as the documents show it: Letta's `<prefix>-<uuid4>`. */
export const exampleId = (prefix: IdPrefix) => `${prefix}-5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f`

/** The path parameter `{name}`, an id of the given prefix. */
export function idParam<const Name extends string>(name: Name, prefix: IdPrefix) {
  const shape = {
    [name]: z.string().openapi({ param: { name, in: 'path' }, example: exampleId(prefix) }),
  }
  return z.object(shape as Record<Name, z.ZodString>)
}

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
