import type { TemplateSnapshot } from '@/api/templates'
import { DetailItem, DetailList } from '@/components/detail-list'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'

import { VariableList, VariableText } from './variable-text'

/** What one version holds: model, tools, sources, system prompt and memory blocks. */
export function VersionSnapshot({ snapshot }: { snapshot: TemplateSnapshot }) {
  return (
    <div className="grid gap-4">
      <Card>
        <CardContent>
          <DetailList>
            <DetailItem label="Version">
              {snapshot.version}
              {snapshot.message ? ` · ${snapshot.message}` : ''}
            </DetailItem>
            <DetailItem label="Model" mono>
              {snapshot.model ?? 'none'}
            </DetailItem>
            <DetailItem label="Tools">
              {snapshot.tools.length ? snapshot.tools.map((tool) => tool.name).join(', ') : 'none'}
            </DetailItem>
            <DetailItem label="Sources">
              {snapshot.sources.length
                ? snapshot.sources.map((source) => source.name).join(', ')
                : 'none'}
            </DetailItem>
            <DetailItem label="Variables">
              <VariableList names={snapshot.variables} />
            </DetailItem>
          </DetailList>
        </CardContent>
      </Card>
      <section aria-labelledby="memory-blocks-heading" className="grid gap-3">
        <h2 id="memory-blocks-heading" className="text-lg font-semibold">
          Memory blocks
        </h2>
        {snapshot.blocks.length === 0 && (
          <p className="text-sm text-muted-foreground">This version has no memory blocks.</p>
        )}
        {snapshot.blocks.map((block) => (
          <Card key={block.label} aria-label={`Block ${block.label}`}>
            <CardHeader>
              <CardTitle className="font-mono text-sm">{block.label}</CardTitle>
              {block.description && (
                <p className="text-sm text-muted-foreground">{block.description}</p>
              )}
            </CardHeader>
            <CardContent>
              <VariableText text={block.value} />
              <p className="mt-2 text-xs text-muted-foreground">
                {block.value.length.toLocaleString()} of {block.limit.toLocaleString()} characters
                {block.read_only ? ' · read-only' : ''}
              </p>
            </CardContent>
          </Card>
        ))}
      </section>
      <section aria-labelledby="system-prompt-heading" className="grid gap-3">
        <h2 id="system-prompt-heading" className="text-lg font-semibold">
          System prompt
        </h2>
        <Card>
          <CardContent>
            <pre className="font-mono text-xs leading-5 break-words whitespace-pre-wrap">
              {snapshot.system}
            </pre>
          </CardContent>
        </Card>
      </section>
    </div>
  )
}
