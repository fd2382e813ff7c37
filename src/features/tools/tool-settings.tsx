import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'
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
      <FormField
        label="Description"
        className="md:col-span-2"
        hint={
          readOnly
            ? 'What agents read about this tool (the schema’s description).'
            : 'What agents read about this tool: saved, it becomes the schema’s description. Changing the docstring’s summary replaces it, so the last edit of either wins.'
        }
      >
        <Textarea
          rows={3}
          readOnly={readOnly}
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </FormField>
      <FormField label="Tags">
        <Input
          readOnly={readOnly}
          placeholder="Comma-separated"
          value={draft.tagsText}
          onChange={(event) => onChange({ tagsText: event.target.value })}
        />
      </FormField>
      <FormField label="Return character limit" error={limitError}>
        <Input
          inputMode="numeric"
          readOnly={readOnly}
          value={draft.returnCharLimitText}
          onChange={(event) => onChange({ returnCharLimitText: event.target.value })}
        />
      </FormField>
    </div>
  )
}
