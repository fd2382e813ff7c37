import { useId } from 'react'

import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'

import { optionKey, type ArgField, type ArgValues } from './args'

// Radix Select has no empty value: this stands for "leave the argument out".
const UNSET = '__unset__'

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
  const formId = useId()
  if (fields.length === 0) {
    return <p className="text-sm text-muted-foreground">This tool takes no arguments.</p>
  }
  const set = (name: string, value: string) => onChange({ ...values, [name]: value })
  return (
    <div className="grid gap-4">
      {fields.map((field) => {
        const id = `${formId}-${field.name}`
        const error = errors[field.name]
        const hintId = `${id}-hint`
        const errorId = `${id}-error`
        const describedBy = [field.description && hintId, error && errorId]
          .filter(Boolean)
          .join(' ')
        const value = values[field.name] ?? ''
        const common = {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy || undefined,
        }
        return (
          <div key={field.name} className="grid gap-1.5">
            <Label htmlFor={id} className="font-mono">
              {field.name}
              <span className="font-sans text-xs font-normal text-muted-foreground">
                {field.kind === 'json' && field.jsonType !== 'any'
                  ? field.jsonType
                  : TYPE_HINTS[field.kind]}
                {field.required ? '' : ', optional'}
              </span>
            </Label>
            {field.kind === 'boolean' || field.kind === 'enum' ? (
              <Select
                value={value === '' ? UNSET : value}
                onValueChange={(next) => set(field.name, next === UNSET ? '' : next)}
              >
                <SelectTrigger {...common} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={UNSET}>
                    {field.required ? 'Choose…' : 'Not set (use the default)'}
                  </SelectItem>
                  {(field.kind === 'boolean' ? [true, false] : field.options).map((option) => (
                    <SelectItem key={optionKey(option)} value={optionKey(option)}>
                      {optionLabel(option)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ) : field.kind === 'json' ? (
              <Textarea
                {...common}
                className="font-mono text-xs"
                rows={3}
                spellCheck={false}
                placeholder={field.jsonType === 'object' ? '{"key": "value"}' : '["a", "b"]'}
                value={value}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : (
              <Input
                {...common}
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
            {field.description && (
              <p id={hintId} className="text-xs text-muted-foreground">
                {field.description}
              </p>
            )}
            {error && (
              <p id={errorId} className="text-xs text-destructive">
                {error}
              </p>
            )}
          </div>
        )
      })}
    </div>
  )
}
