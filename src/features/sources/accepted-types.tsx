import { useId, useState } from 'react'

import { Button } from '@/components/ui/button'

import { acceptedExtensions, summarizeExtensions, type FilePolicy } from './file-checks'
import { formatBytes } from './format'

/** The accepted types grouped by what they are: "Markdown: .md, .markdown". */
export function groupByDescription(
  policy: FilePolicy,
): { description: string; extensions: string[] }[] {
  const groups = new Map<string, string[]>()
  for (const type of policy.accepted_types) {
    const extensions = groups.get(type.description) ?? []
    const extension = type.extension.startsWith('.') ? type.extension : `.${type.extension}`
    if (!extensions.includes(extension.toLowerCase())) extensions.push(extension.toLowerCase())
    groups.set(type.description, extensions)
  }
  return [...groups].map(([description, extensions]) => ({ description, extensions }))
}

/** What may be dropped here, in a line, with the full list a click away. */
export function AcceptedTypes({ policy }: { policy: FilePolicy }) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const extensions = acceptedExtensions(policy)
  return (
    <div className="mb-3 text-xs text-muted-foreground">
      <p>
        Drop files anywhere on this page: {summarizeExtensions(extensions)}, up to{' '}
        {formatBytes(policy.max_file_size_bytes)} each.{' '}
        <Button
          variant="link"
          size="sm"
          className="h-auto p-0 text-xs"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide the types' : `All ${extensions.length} types`}
        </Button>
      </p>
      {open && (
        <dl
          id={listId}
          className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md border bg-card p-3 sm:grid-cols-[max-content_1fr_max-content_1fr]"
        >
          {groupByDescription(policy).map((group) => (
            <div key={group.description} className="contents">
              <dt className="text-foreground">{group.description}</dt>
              <dd className="font-mono">{group.extensions.join(' ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}
