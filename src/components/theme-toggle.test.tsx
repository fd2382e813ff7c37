import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { ThemeProvider } from './theme-provider'
import { ThemeToggle } from './theme-toggle'

function renderToggle() {
  render(
    <ThemeProvider>
      <ThemeToggle />
      <button type="button">Elsewhere</button>
    </ThemeProvider>,
  )
  return screen.getByRole('button', { name: 'Theme' })
}

describe('ThemeToggle', () => {
  beforeEach(() => {
    localStorage.clear()
    // jsdom has no matchMedia; the theme provider asks it for the system's colour scheme.
    vi.stubGlobal(
      'matchMedia',
      vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is a menu button the keyboard alone can use', async () => {
    const user = userEvent.setup()
    const button = renderToggle()
    expect(button).toHaveAttribute('aria-expanded', 'false')

    button.focus()
    await user.keyboard('{Enter}')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    // Opens on the checked choice: System, with nothing saved.
    expect(screen.getByRole('menuitemradio', { name: 'System' })).toHaveFocus()
    expect(screen.getByRole('menuitemradio', { name: 'System' })).toHaveAttribute(
      'aria-checked',
      'true',
    )

    await user.keyboard('{Home}{ArrowDown}')
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(document.documentElement).toHaveClass('dark')

    await user.keyboard('{ArrowUp}')
    expect(screen.getByRole('menuitemradio', { name: 'System' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(document.documentElement).toHaveClass('dark')
  })

  it('closes on a click elsewhere and chooses with a click', async () => {
    const user = userEvent.setup()
    const button = renderToggle()
    await user.click(button)
    expect(screen.getByRole('menu', { name: 'Theme' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()

    await user.click(button)
    await user.click(screen.getByRole('menuitemradio', { name: 'Light' }))
    await waitFor(() => expect(document.documentElement).not.toHaveClass('dark'))
    expect(localStorage.getItem('letta-admin.theme')).toBe('light')
  })
})
