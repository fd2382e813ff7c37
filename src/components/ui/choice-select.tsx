import type * as React from 'react'

import { NativeSelect } from '@/components/ui/native-select'

export interface SelectChoice {
  value: string
  label: string
}

/**
 * A NativeSelect of `choices` after a first option, worth '', that names the state of the choice
 * ("Choose an agent", "Loading models…"): it can be chosen back only when `clearable`, and the
 * select is disabled while `choices` are loading (undefined) or none. The rest goes to the select.
 */
export function ChoiceSelect({
  choices,
  placeholder,
  clearable = false,
  value,
  onValueChange,
  className = 'w-full',
  ...select
}: {
  choices: readonly SelectChoice[] | undefined
  placeholder: string
  clearable?: boolean
  value: string | undefined
  onValueChange: (value: string) => void
} & Omit<React.ComponentProps<'select'>, 'value' | 'onChange' | 'children'>) {
  return (
    <NativeSelect
      disabled={!choices?.length}
      {...select}
      className={className}
      value={value ?? ''}
      onChange={(event) => onValueChange(event.target.value)}
    >
      <option value="" disabled={!clearable}>
        {placeholder}
      </option>
      {choices?.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </NativeSelect>
  )
}
