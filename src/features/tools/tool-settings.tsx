import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Textarea } from '@/components/ui/textarea'

import { returnCharLimitError, type ToolDraft } from './changes'

/** The fields of a tool besides its source: description, tags, return limit. */
export function ToolSettings({
  draft,
  readOnly,
  onChange,
}: {
  draft: ToolDraft
  readOnly: boolean
  onChange: (patch: Partial<ToolDraft>) => void
}) {
  const limitError = readOnly ? undefined : returnCharLimitError(draft.returnCharLimitText)
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="grid gap-2 md:col-span-2">
        <Label htmlFor="tool-description">Description</Label>
        <Textarea
          id="tool-description"
          rows={3}
          readOnly={readOnly}
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="tool-tags">Tags</Label>
        <Input
          id="tool-tags"
          readOnly={readOnly}
          placeholder="Comma-separated"
          value={draft.tagsText}
          onChange={(event) => onChange({ tagsText: event.target.value })}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="tool-return-limit">Return character limit</Label>
        <Input
          id="tool-return-limit"
          inputMode="numeric"
          readOnly={readOnly}
          value={draft.returnCharLimitText}
          aria-invalid={limitError ? true : undefined}
          aria-describedby={limitError ? 'tool-return-limit-error' : undefined}
          onChange={(event) => onChange({ returnCharLimitText: event.target.value })}
        />
        {limitError && (
          <p id="tool-return-limit-error" className="text-xs text-destructive">
            {limitError}
          </p>
        )}
      </div>
    </div>
  )
}
