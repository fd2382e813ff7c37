import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { ChoiceSelect } from './choice-select'

const COLOURS = [
  { value: 'r', label: 'Red' },
  { value: 'g', label: 'Green' },
]

describe('ChoiceSelect', () => {
  it('is disabled while its choices load, and says so', () => {
    render(
      <ChoiceSelect
        aria-label="Colour"
        choices={undefined}
        placeholder="Loading colours…"
        value={undefined}
        onValueChange={() => {}}
      />,
    )
    const select = screen.getByRole('combobox', { name: 'Colour' })
    expect(select).toBeDisabled()
    expect(screen.getByRole('option', { name: 'Loading colours…' })).toHaveProperty(
      'selected',
      true,
    )
  })

  it('offers the choices after a placeholder that cannot be chosen back', async () => {
    const onValueChange = vi.fn()
    render(
      <ChoiceSelect
        aria-label="Colour"
        choices={COLOURS}
        placeholder="Choose a colour"
        value={undefined}
        onValueChange={onValueChange}
      />,
    )
    const select = screen.getByRole('combobox', { name: 'Colour' })
    expect(select).toBeEnabled()
    expect(screen.getByRole('option', { name: 'Choose a colour' })).toBeDisabled()
    await userEvent.selectOptions(select, 'Green')
    expect(onValueChange).toHaveBeenCalledWith('g')
  })

  it('lets a clearable choice go back to none', async () => {
    const onValueChange = vi.fn()
    render(
      <ChoiceSelect
        aria-label="Colour"
        choices={COLOURS}
        placeholder="Not set"
        clearable
        value="r"
        onValueChange={onValueChange}
      />,
    )
    expect(screen.getByRole('option', { name: 'Not set' })).toBeEnabled()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Colour' }), 'Not set')
    expect(onValueChange).toHaveBeenCalledWith('')
  })
})
