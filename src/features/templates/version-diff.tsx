import type { TemplateSnapshot } from '@/api/templates'
import { cn } from '@/lib/utils'

import { listChanges, sideBySideDiff, type DiffKind, type DiffRow } from './template-text'

const SIDE_STYLE: Record<DiffKind, { left: string; right: string }> = {
  same: { left: '', right: '' },
  changed: {
    left: 'bg-red-100 text-red-950 dark:bg-red-500/20 dark:text-red-50',
    right: 'bg-green-100 text-green-950 dark:bg-green-500/20 dark:text-green-50',
  },
  removed: { left: 'bg-red-100 text-red-950 dark:bg-red-500/20 dark:text-red-50', right: '' },
  added: { left: '', right: 'bg-green-100 text-green-950 dark:bg-green-500/20 dark:text-green-50' },
}

// The marks say in text what the colours say, for screen readers and colour-blind readers.
const MARK: Record<DiffKind, { left: string; right: string }> = {
  same: { left: ' ', right: ' ' },
  changed: { left: '−', right: '+' },
  removed: { left: '−', right: ' ' },
  added: { left: ' ', right: '+' },
}

function DiffTable({
  label,
  rows,
  from,
  to,
}: {
  label: string
  rows: DiffRow[]
  from: string
  to: string
}) {
  if (rows.every((row) => row.kind === 'same')) {
    return <p className="text-sm text-muted-foreground">{label}: unchanged.</p>
  }
  return (
    <table className="w-full table-fixed border-collapse rounded-md border font-mono text-xs">
      <caption className="sr-only">{label}</caption>
      <thead>
        <tr className="border-b text-left font-sans text-muted-foreground">
          <th scope="col" className="w-1/2 px-2 py-1 font-medium">
            Version {from}
          </th>
          <th scope="col" className="w-1/2 border-l px-2 py-1 font-medium">
            Version {to}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className="align-top">
            <td
              className={cn(
                'px-2 py-0.5 break-words whitespace-pre-wrap',
                SIDE_STYLE[row.kind].left,
              )}
            >
              <span aria-hidden className="mr-1 select-none">
                {MARK[row.kind].left}
              </span>
              {row.kind !== 'same' && row.left !== null && (
                <span className="sr-only">removed: </span>
              )}
              {row.left ?? ''}
            </td>
            <td
              className={cn(
                'border-l px-2 py-0.5 break-words whitespace-pre-wrap',
                SIDE_STYLE[row.kind].right,
              )}
            >
              <span aria-hidden className="mr-1 select-none">
                {MARK[row.kind].right}
              </span>
              {row.kind !== 'same' && row.right !== null && (
                <span className="sr-only">added: </span>
              )}
              {row.right ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function NameChanges({
  label,
  before,
  after,
}: {
  label: string
  before: string[]
  after: string[]
}) {
  const changes = listChanges(before, after)
  if (!changes.added.length && !changes.removed.length) {
    return <p className="text-sm text-muted-foreground">{label}: unchanged.</p>
  }
  return (
    <div className="text-sm">
      <p className="font-medium">{label}</p>
      <ul className="mt-1 grid gap-0.5 font-mono text-xs">
        {changes.removed.map((name) => (
          <li key={`-${name}`} className="text-red-700 dark:text-red-300">
            − removed {name}
          </li>
        ))}
        {changes.added.map((name) => (
          <li key={`+${name}`} className="text-green-700 dark:text-green-300">
            + added {name}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Two versions side by side: model, tools, memory blocks (by label) and system prompt. */
export function VersionDiff({ from, to }: { from: TemplateSnapshot; to: TemplateSnapshot }) {
  const labels = [
    ...new Set([
      ...from.blocks.map((block) => block.label),
      ...to.blocks.map((block) => block.label),
    ]),
  ]
  const valueOf = (snapshot: TemplateSnapshot, label: string) =>
    snapshot.blocks.find((block) => block.label === label)?.value ?? ''
  return (
    <div
      className="grid gap-5"
      aria-label={`Changes from version ${from.version} to ${to.version}`}
    >
      <section className="grid gap-2">
        <h3 className="font-semibold">Model</h3>
        {from.model === to.model ? (
          <p className="text-sm text-muted-foreground">Model: unchanged ({to.model ?? 'none'}).</p>
        ) : (
          <p className="font-mono text-xs">
            {from.model ?? 'none'} → {to.model ?? 'none'}
          </p>
        )}
      </section>
      <section className="grid gap-2">
        <h3 className="font-semibold">Tools</h3>
        <NameChanges
          label="Tools"
          before={from.tools.map((tool) => tool.name)}
          after={to.tools.map((tool) => tool.name)}
        />
      </section>
      <section className="grid gap-3">
        <h3 className="font-semibold">Memory blocks</h3>
        {labels.map((label) => {
          const inFrom = from.blocks.some((block) => block.label === label)
          const inTo = to.blocks.some((block) => block.label === label)
          const note = !inFrom ? ' (new block)' : !inTo ? ' (block removed)' : ''
          return (
            <div key={label} className="grid gap-1">
              <h4 className="font-mono text-sm">
                {label}
                {note}
              </h4>
              <DiffTable
                label={`Block ${label}`}
                rows={sideBySideDiff(valueOf(from, label), valueOf(to, label))}
                from={from.version}
                to={to.version}
              />
            </div>
          )
        })}
      </section>
      <section className="grid gap-2">
        <h3 className="font-semibold">System prompt</h3>
        <DiffTable
          label="System prompt"
          rows={sideBySideDiff(from.system, to.system)}
          from={from.version}
          to={to.version}
        />
      </section>
    </div>
  )
}
