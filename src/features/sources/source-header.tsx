import { useState, type ReactNode } from 'react'

import type { Source } from '@/api/sources'
import { CheckIcon, CopyIcon } from '@/components/icons'
import { PageHeading } from '@/components/page-heading'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

function CopyId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <span className="flex min-w-0 items-center gap-1">
      <code className="truncate font-mono text-xs">{id}</code>
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-6"
        aria-label={copied ? 'Copied the id' : 'Copy the id'}
        onClick={() => {
          void navigator.clipboard?.writeText(id).then(() => {
            setCopied(true)
            setTimeout(() => setCopied(false), 1500)
          })
        }}
      >
        {copied ? <Icon node={CheckIcon} className="text-success" /> : <Icon node={CopyIcon} />}
      </Button>
    </span>
  )
}

/** The source's name, description and the settings every file in it is processed with. */
export function SourceHeader({ source, actions }: { source: Source; actions: ReactNode }) {
  const config = source.embedding_config
  return (
    <div className="mb-6 grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <PageHeading title={source.name} className="truncate" />
          <p className="mt-1 text-sm whitespace-pre-line text-muted-foreground">
            {source.description || 'No description.'}
          </p>
          {source.instructions && (
            <p className="mt-2 line-clamp-3 max-w-prose text-sm whitespace-pre-line">
              <span className="font-medium">Instructions: </span>
              {source.instructions}
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">{actions}</div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border bg-card p-4 text-sm md:grid-cols-[minmax(0,1fr)_max-content_max-content_minmax(0,1.5fr)]">
        <div className="min-w-0">
          <dt className="text-xs text-muted-foreground">Embedding model</dt>
          <dd className="truncate font-mono text-xs" title={config.embedding_model}>
            {config.handle ?? config.embedding_model}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Dimensions</dt>
          <dd className="tabular-nums">{config.embedding_dim.toLocaleString()}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Chunk size</dt>
          <dd className="tabular-nums">
            {config.embedding_chunk_size ? `${config.embedding_chunk_size} tokens` : '—'}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted-foreground">ID</dt>
          <dd className="min-w-0">
            <CopyId id={source.id} />
          </dd>
        </div>
      </dl>
    </div>
  )
}
