import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { ConfirmDialog } from './confirm-dialog'
import { Button } from './ui/button'

function deferred() {
  let resolve = () => {}
  let reject: (error: Error) => void = () => {}
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}

function renderDialog(onConfirm: () => unknown) {
  render(
    <ConfirmDialog
      trigger={<Button>Delete</Button>}
      title="Delete report.pdf?"
      description={<>It has 3 passages. This cannot be undone.</>}
      confirmLabel="Delete file"
      onConfirm={onConfirm}
    />,
  )
}

describe('ConfirmDialog', () => {
  // The dialog's frame loads on first opening; loaded here once, each test sees it open promptly.
  beforeAll(() => import('./confirm-dialog-frame'))

  it('waits for the confirmed work, then closes', async () => {
    const user = userEvent.setup()
    const work = deferred()
    const onConfirm = vi.fn(() => work.promise)
    renderDialog(onConfirm)

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete report.pdf?' })
    expect(dialog).toHaveTextContent('It has 3 passages. This cannot be undone.')

    await user.click(screen.getByRole('button', { name: 'Delete file' }))
    expect(onConfirm).toHaveBeenCalledOnce()
    expect(screen.getByRole('button', { name: 'Delete file' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    expect(dialog).toBeInTheDocument()

    work.resolve()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
  })

  it('shows a failure in the dialog, which stays open; the next opening starts clean', async () => {
    const user = userEvent.setup()
    renderDialog(() => Promise.reject(new Error('The file is being embedded')))

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await user.click(await screen.findByRole('button', { name: 'Delete file' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is being embedded')
    expect(screen.getByRole('button', { name: 'Delete file' })).toBeEnabled()

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('leaves closing to the owner when the owner holds it open', async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    const onConfirm = vi.fn()
    render(
      <ConfirmDialog
        open
        onOpenChange={onOpenChange}
        title="Leave without saving?"
        description="Your changes will be lost."
        cancelLabel="Stay"
        confirmLabel="Leave"
        onConfirm={onConfirm}
      />,
    )

    await user.click(await screen.findByRole('button', { name: 'Leave' }))
    expect(onConfirm).toHaveBeenCalledOnce()
    expect(onOpenChange).not.toHaveBeenCalled()
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Stay' }))
    expect(onOpenChange).toHaveBeenCalledWith(false)
  })

  it('holds the confirm button back while asked to', async () => {
    const user = userEvent.setup()
    render(
      <ConfirmDialog
        trigger={<Button>Delete</Button>}
        title="Delete Harbour?"
        description="Counting its files and passages…"
        confirmLabel="Delete source"
        confirmDisabled
        onConfirm={vi.fn()}
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByRole('button', { name: 'Delete source' })).toBeDisabled()
  })
})
