import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { toolSchemaQueryOptions } from '@/api/tools'
import { useDebouncedValue } from '@/lib/use-debounced-value'

import { parseSchemaError, type SchemaError } from './schema-errors'

/** The schema is derived again once typing has paused this long. */
const SCHEMA_DELAY_MS = 400

export interface SchemaPreviewState {
  /** The last schema the server derived (or the stored one, for read-only tools). */
  schema: unknown
  /** Why the current source has no schema, with its line when the server names one. */
  error: SchemaError | undefined
  /** Typing has not paused yet, or the server is still deriving. */
  updating: boolean
}

/** The JSON schema of the editor's source, derived by the server as the user types. */
export function useSchemaPreview({
  sourceCode,
  readOnly,
  storedSchema,
}: {
  sourceCode: string
  readOnly: boolean
  storedSchema: unknown
}): SchemaPreviewState {
  const source = useDebouncedValue(sourceCode, SCHEMA_DELAY_MS)
  const empty = source.trim() === ''
  const query = useQuery({
    ...toolSchemaQueryOptions(source),
    enabled: !readOnly && !empty,
    placeholderData: keepPreviousData,
  })
  // An error has no schema of its own: the last good one stays on screen, marked out of date.
  const [lastSchema, setLastSchema] = useState<unknown>(storedSchema)
  if (query.isSuccess && !query.isPlaceholderData && query.data !== lastSchema) {
    setLastSchema(query.data)
  }
  if (readOnly) return { schema: storedSchema, error: undefined, updating: false }
  return {
    schema: lastSchema,
    error: empty
      ? { message: 'The source is empty: write a Python function.', line: undefined }
      : query.isError
        ? parseSchemaError(query.error.message)
        : undefined,
    updating: query.isFetching || source !== sourceCode,
  }
}
