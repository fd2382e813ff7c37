import type * as React from 'react'

import { CheckIcon, LoaderCircleIcon, TriangleAlertIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { cn } from '@/lib/utils'

import type { SchemaError } from './schema-errors'

// Strings (a key when followed by a colon), literals and numbers of pretty-printed JSON.
const JSON_TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g

/** Pretty-printed JSON with its keys, strings and literals coloured. */
export function JsonText({ value }: { value: unknown }) {
  const text = JSON.stringify(value, null, 2) ?? 'null'
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(JSON_TOKEN)) {
    const index = match.index
    if (index > last) parts.push(text.slice(last, index))
    const [token, string, colon, literal] = match
    const className = string
      ? colon
        ? 'text-sky-700 dark:text-sky-300'
        : 'text-emerald-700 dark:text-emerald-300'
      : literal
        ? 'text-violet-700 dark:text-violet-300'
        : 'text-amber-700 dark:text-amber-300'
    parts.push(
      <span key={index} className={className}>
        {string ?? token}
      </span>,
    )
    if (colon) parts.push(colon)
    last = index + token.length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}

export interface SchemaPreviewProps {
  schema: unknown
  /** The source changed and its schema is being derived. */
  updating: boolean
  /** The source has an error, so the schema shown is the last good one. */
  stale: boolean
  /** Built-in tools show their stored schema. */
  stored: boolean
}

/** The JSON schema agents see for the tool, recomputed as the source changes. */
export function SchemaPreview({ schema, updating, stale, stored }: SchemaPreviewProps) {
  return (
    <section aria-label="JSON schema" className="grid min-w-0 gap-2">
      <p
        aria-live="polite"
        className="flex items-center gap-1.5 text-xs text-muted-foreground"
        data-testid="schema-status"
      >
        {updating ? (
          <>
            <Icon node={LoaderCircleIcon} className="size-3 animate-spin" /> Updating…
          </>
        ) : stale ? (
          <>
            <Icon node={TriangleAlertIcon} className="size-3 text-destructive" /> Out of date: fix
            the error in the source to update it
          </>
        ) : stored ? (
          'As stored on the server'
        ) : (
          <>
            <Icon node={CheckIcon} className="size-3 text-success" /> Derived from the source
          </>
        )}
      </p>
      {schema === undefined || schema === null ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          No schema yet.
        </p>
      ) : (
        <pre
          data-testid="schema-preview"
          className={cn(
            'max-h-[32rem] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap',
            stale && 'opacity-60',
          )}
        >
          <JsonText value={schema} />
        </pre>
      )}
    </section>
  )
}

/** The schema error under the editor; its line number moves the editor's cursor there. */
export function SchemaErrorMessage({
  error,
  onShowLine,
}: {
  error: SchemaError
  onShowLine: (line: number) => void
}) {
  const { line } = error
  return (
    <div
      role="alert"
      data-testid="schema-error"
      className="flex flex-wrap items-baseline gap-2 border-t bg-destructive/10 px-4 py-2 text-sm text-destructive"
    >
      {line !== undefined && (
        <button
          type="button"
          className="font-medium underline underline-offset-2"
          onClick={() => onShowLine(line)}
        >
          Line {line}
        </button>
      )}
      <span className="min-w-0 break-words">{error.message}</span>
    </div>
  )
}
