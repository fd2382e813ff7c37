import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'

import { ChoiceSelect } from './choice-select'

const COLOURS = [
  { value: 'r', label: 'Red' },
  { value: 'g', label: 'Green' },
]

/** A colour select with `props` over COLOURS, no value and a spy for changes; returns the spy. */
function renderColours(props: Partial<ComponentProps<typeof ChoiceSelect>>) {
  const onValueChange = vi.fn()
  render(
    <ChoiceSelect
      aria-label="Colour"
      choices={COLOURS}
      placeholder="Choose a colour"
      value={undefined}
      onValueChange={onValueChange}
      {...props}
    />,
  )
  return onValueChange
}

describe('ChoiceSelect', () => {
  it('is disabled while its choices load, and says so', () => {
    renderColours({ choices: undefined, placeholder: 'Loading colours…' })
    const select = screen.getByRole('combobox', { name: 'Colour' })
    expect(select).toBeDisabled()
    expect(screen.getByRole('option', { name: 'Loading colours…' })).toHaveProperty(
      'selected',
      true,
    )
  })

  it('offers the choices after a placeholder that cannot be chosen back', async () => {
    const onValueChange = renderColours({})
    const select = screen.getByRole('combobox', { name: 'Colour' })
    expect(select).toBeEnabled()
    expect(screen.getByRole('option', { name: 'Choose a colour' })).toBeDisabled()
    await userEvent.selectOptions(select, 'Green')
    expect(onValueChange).toHaveBeenCalledWith('g')
  })

  it('lets a clearable choice go back to none', async () => {
    const onValueChange = renderColours({ placeholder: 'Not set', clearable: true, value: 'r' })
    expect(screen.getByRole('option', { name: 'Not set' })).toBeEnabled()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Colour' }), 'Not set')
    expect(onValueChange).toHaveBeenCalledWith('')
  })
})
