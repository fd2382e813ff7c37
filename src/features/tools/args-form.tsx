import { FormField } from '@/components/form-field'
import { ChoiceSelect } from '@/components/ui/choice-select'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'

import { optionKey, type ArgField, type ArgValues } from './args'

const TYPE_HINTS: Record<ArgField['kind'], string> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  enum: 'one of',
  json: 'JSON',
}

const optionLabel = (option: unknown) => (typeof option === 'string' ? option : optionKey(option))

/** One input per argument of the tool's schema, each checked when the tool is run. */
export function ArgsForm({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: ArgField[]
  values: ArgValues
  errors: Record<string, string>
  onChange: (values: ArgValues) => void
}) {
  if (fields.length === 0) {
    return <p className="text-sm text-muted-foreground">This tool takes no arguments.</p>
  }
  const set = (name: string, value: string) => onChange({ ...values, [name]: value })
  return (
    <div className="grid gap-4">
      {fields.map((field) => {
        const value = values[field.name] ?? ''
        return (
          <FormField
            key={field.name}
            className="gap-1.5"
            labelClassName="font-mono"
            label={
              <>
                {field.name}
                <span className="font-sans text-xs font-normal text-muted-foreground">
                  {field.kind === 'json' && field.jsonType !== 'any'
                    ? field.jsonType
                    : TYPE_HINTS[field.kind]}
                  {field.required ? '' : ', optional'}
                </span>
              </>
            }
            hint={field.description}
            error={errors[field.name]}
          >
            {field.kind === 'boolean' || field.kind === 'enum' ? (
              // '' leaves the argument out.
              <ChoiceSelect
                choices={(field.kind === 'boolean' ? [true, false] : field.options).map(
                  (option) => ({ value: optionKey(option), label: optionLabel(option) }),
                )}
                placeholder={field.required ? 'Choose…' : 'Not set (use the default)'}
                clearable
                value={value}
                onValueChange={(next) => set(field.name, next)}
              />
            ) : field.kind === 'json' ? (
              <Textarea
                className="font-mono text-xs"
                rows={3}
                spellCheck={false}
                placeholder={field.jsonType === 'object' ? '{"key": "value"}' : '["a", "b"]'}
                value={value}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : (
              <Input
                inputMode={
                  field.kind === 'integer'
                    ? 'numeric'
                    : field.kind === 'number'
                      ? 'decimal'
                      : undefined
                }
                value={value}
                onChange={(event) => set(field.name, event.target.value)}
              />
            )}
          </FormField>
        )
      })}
    </div>
  )
}
