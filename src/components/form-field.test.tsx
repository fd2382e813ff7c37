import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { FormField } from './form-field'
import { Input } from './ui/input'

describe('FormField', () => {
  it('names the control by its label and describes it by its hint and error', () => {
    render(
      <FormField label="Return character limit" hint="Longer results are cut" error="Enter a limit">
        <Input />
      </FormField>,
    )
    const input = screen.getByRole('textbox', { name: 'Return character limit' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Longer results are cut Enter a limit')
  })

  it('leaves a valid control unmarked and undescribed', () => {
    render(
      <FormField label="Tags">
        <Input />
      </FormField>,
    )
    const input = screen.getByRole('textbox', { name: 'Tags' })
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-describedby')
  })
})
