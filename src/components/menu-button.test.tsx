import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { MenuButton } from './menu-button'

function renderMenu() {
  const onChoose = vi.fn()
  const onManage = vi.fn()
  render(
    <>
      <MenuButton
        label="Connections"
        heading="Connections"
        choices={[
          { value: 'a', label: 'Bundled server' },
          { value: 'b', label: 'Staging' },
        ]}
        value="b"
        onChoose={onChoose}
        actions={[{ key: 'manage', label: 'Manage connections', onSelect: onManage }]}
        trigger={(props) => (
          <button {...props} type="button">
            Server
          </button>
        )}
      />
      <button type="button">Elsewhere</button>
    </>,
  )
  return { onChoose, onManage, button: screen.getByRole('button', { name: 'Server' }) }
}

describe('MenuButton', () => {
  it('reaches the actions after the choices from the keyboard', async () => {
    const user = userEvent.setup()
    const { onChoose, onManage, button } = renderMenu()
    button.focus()
    await user.keyboard('{Enter}')
    // Opens on the checked choice.
    expect(screen.getByRole('menuitemradio', { name: 'Staging' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Manage connections' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitemradio', { name: 'Bundled server' })).toHaveFocus()
    await user.keyboard('{End}{Enter}')
    expect(onManage).toHaveBeenCalledOnce()
    expect(onChoose).not.toHaveBeenCalled()
    expect(button).toHaveFocus()
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })

  it('chooses with the pointer and closes on a press outside', async () => {
    const user = userEvent.setup()
    const { onChoose, button } = renderMenu()
    await user.click(button)
    expect(screen.getByRole('menu', { name: 'Connections' })).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()

    await user.click(button)
    await user.click(screen.getByRole('menuitemradio', { name: 'Bundled server' }))
    expect(onChoose).toHaveBeenCalledWith('a')
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })
})
