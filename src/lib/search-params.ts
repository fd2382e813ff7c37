import type { SearchSchemaInput } from '@tanstack/react-router'

/**
 * Readers for values in a page's URL search, for the routes' validateSearch. A missing or bad
 * value falls back instead of failing, so a hand-edited link still opens its page. Plain
 * functions rather than a schema library, which would weigh on every page's first load.
 */

/** `value` when it is one of `options`, else `fallback`. */
export function oneOf<const T extends string, F>(
  value: unknown,
  options: readonly T[],
  fallback: F,
): T | F {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
    ? (value as T)
    : fallback
}

/** A non-empty string of at most `maxLength` characters, else undefined. */
export const nonEmptyText = (value: unknown, maxLength = Infinity): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : undefined

/** Any string (the empty one too) of at most `maxLength` characters, else `fallback`. */
export const textOr = (value: unknown, fallback: string, maxLength = Infinity): string =>
  typeof value === 'string' && value.length <= maxLength ? value : fallback

/**
 * A string matching `pattern`, else undefined. Numbers count as their digits, because the router
 * reads `?version=3` as the number 3.
 */
export function matching(value: unknown, pattern: RegExp): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  return typeof text === 'string' && pattern.test(text) ? text : undefined
}

/** A whole number of at least zero (or its digits as a string), else `fallback`. */
export function countOr<F>(value: unknown, fallback: F): number | F {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
    ? number
    : fallback
}

/** A boolean, else `fallback`. */
export const booleanOr = <F>(value: unknown, fallback: F): boolean | F =>
  typeof value === 'boolean' ? value : fallback

/** The object without its undefined entries, so optional keys stay absent from the URL. */
export function withoutUndefined<T extends Record<string, unknown>>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T
}

/**
 * A route's validateSearch from a reader of the raw search: links and navigations may leave out
 * any key (the reader fills in its fallback), as they could with a schema's defaults.
 */
export const searchValidator =
  <T>(read: (search: Record<string, unknown>) => T) =>
  (search: Partial<T> & SearchSchemaInput): T =>
    read(search as Record<string, unknown>)
