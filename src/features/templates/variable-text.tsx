import { cn } from '@/lib/utils'

import { splitVariables } from './template-text'

/** A block value as text, its `{{variables}}` marked; never read as HTML. */
export function VariableText({ text, className }: { text: string; className?: string }) {
  return (
    <pre
      className={cn(
        'font-mono text-xs leading-5 break-words whitespace-pre-wrap text-foreground',
        className,
      )}
    >
      {splitVariables(text).map((part, index) =>
        part.variable === undefined ? (
          <span key={index}>{part.text}</span>
        ) : (
          <mark
            key={index}
            title={`Memory variable ${part.variable}`}
            className="rounded bg-amber-200 px-0.5 text-amber-950 dark:bg-amber-400/25 dark:text-amber-100"
          >
            {part.text}
          </mark>
        ),
      )}
    </pre>
  )
}

/** The variable names as small labelled chips; "none" when there are none. */
export function VariableList({ names }: { names: readonly string[] }) {
  if (!names.length) return <span className="text-muted-foreground">none</span>
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Memory variables">
      {names.map((name) => (
        <li key={name} className="rounded border px-1.5 py-0.5 font-mono text-xs">
          {name}
        </li>
      ))}
    </ul>
  )
}
