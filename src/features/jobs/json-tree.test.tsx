import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { JsonTree } from './json-tree'

const metadata = {
  file_name: 'report.pdf',
  total_chunks: 12,
  done: true,
  error: null,
  parts: [{ page: 1 }, { page: 2 }],
  empty: {},
}

describe('JsonTree', () => {
  it('shows the top level open and nested levels closed, with their size', () => {
    render(<JsonTree value={metadata} label="Job metadata" />)
    const tree = screen.getByRole('tree', { name: 'Job metadata' })
    expect(within(tree).getByText('"report.pdf"')).toBeInTheDocument()
    expect(within(tree).getByText('12')).toBeInTheDocument()
    expect(within(tree).getByText('true')).toBeInTheDocument()
    expect(within(tree).getByText('null')).toBeInTheDocument()
    expect(within(tree).getByText(/2 items/)).toBeInTheDocument()
    expect(within(tree).queryByText('page:')).not.toBeInTheDocument()
  })

  it('opens and closes a branch from the keyboard', async () => {
    const user = userEvent.setup()
    render(<JsonTree value={metadata} />)
    const toggle = screen.getByRole('button', { name: 'Expand parts' })
    toggle.focus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: 'Collapse parts' })).toHaveFocus()
    expect(screen.getAllByText(/2 keys|1 key/)).toHaveLength(2)
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: 'Expand parts' })).toBeInTheDocument()
  })

  it('collapses the root too', async () => {
    const user = userEvent.setup()
    render(<JsonTree value={metadata} />)
    await user.click(screen.getByRole('button', { name: 'Collapse value' }))
    expect(screen.getByText(/6 keys/)).toBeInTheDocument()
    expect(screen.queryByText('"report.pdf"')).not.toBeInTheDocument()
  })

  it('shows a bare value and an empty object', () => {
    const { rerender } = render(<JsonTree value="plain" />)
    expect(screen.getByText('"plain"')).toBeInTheDocument()
    rerender(<JsonTree value={{}} />)
    expect(screen.getByText('{}')).toBeInTheDocument()
  })
})
