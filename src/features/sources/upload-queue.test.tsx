import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { UploadQueue } from './upload-queue'
import type { UploadEntry } from './upload-store'

const entry = (name: string, patch: Partial<UploadEntry>): UploadEntry => ({
  key: name,
  sourceId: 'source-1',
  file: new File(['x'.repeat(2048)], name),
  state: 'uploading',
  loaded: 0,
  total: 2048,
  ...patch,
})

function renderQueue(
  entries: UploadEntry[],
  files = [] as {
    id: string
    processing_status: string
    error_message?: string
    total_chunks?: number
    chunks_embedded?: number
  }[],
) {
  const handlers = { onRetry: vi.fn(), onDismiss: vi.fn(), onClearSettled: vi.fn() }
  render(<UploadQueue entries={entries} snapshot={{ files, updatedAt: 5000 }} {...handlers} />)
  return handlers
}

const row = (name: string) => {
  const found = screen.getAllByTestId('upload-row').find((item) => item.textContent?.includes(name))
  if (!found) throw new Error(`no row for ${name}`)
  return found
}

describe('UploadQueue', () => {
  it('renders nothing without uploads', () => {
    const { container } = render(
      <UploadQueue
        entries={[]}
        snapshot={{ files: [], updatedAt: 0 }}
        onRetry={vi.fn()}
        onDismiss={vi.fn()}
        onClearSettled={vi.fn()}
      />,
    )
    expect(container).toBeEmptyDOMElement()
  })

  it('shows bytes sent with a progress bar, and no dismiss while uploading', () => {
    renderQueue([entry('a.pdf', { loaded: 1024 })])
    const item = row('a.pdf')
    expect(item).toHaveAttribute('data-state', 'uploading')
    expect(item).toHaveTextContent('Uploading 50% · 1 KB of 2 KB')
    expect(within(item).getByRole('progressbar', { name: 'Upload of a.pdf' })).toBeInTheDocument()
    expect(within(item).queryByRole('button', { name: 'Dismiss a.pdf' })).not.toBeInTheDocument()
  })

  it('names why a file was refused and offers no retry for it', () => {
    renderQueue([entry('a.exe', { state: 'rejected', reason: '.exe files are not supported' })])
    expect(row('a.exe')).toHaveTextContent('Not uploaded: .exe files are not supported')
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument()
  })

  it("shows the server's processing, its error and a retry", () => {
    const handlers = renderQueue(
      [
        entry('a.pdf', { state: 'sent', fileId: 'file-a', sentAt: 1000 }),
        entry('b.pdf', { state: 'sent', fileId: 'file-b', sentAt: 1000 }),
      ],
      [
        { id: 'file-a', processing_status: 'embedding', total_chunks: 8, chunks_embedded: 2 },
        { id: 'file-b', processing_status: 'error', error_message: 'The PDF has no text layer' },
      ],
    )
    expect(row('a.pdf')).toHaveTextContent('2 of 8 chunks embedded')
    expect(within(row('a.pdf')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25')
    expect(row('b.pdf')).toHaveTextContent('Processing failed: The PDF has no text layer')
    fireEvent.click(screen.getByRole('button', { name: 'Retry b.pdf' }))
    expect(handlers.onRetry).toHaveBeenCalledWith('b.pdf')
  })

  it('clears only the settled rows', () => {
    const handlers = renderQueue(
      [
        entry('done.md', { state: 'sent', fileId: 'file-1', sentAt: 1000 }),
        entry('busy.md', { loaded: 10 }),
        entry('bad.png', { state: 'rejected', reason: 'no' }),
      ],
      [{ id: 'file-1', processing_status: 'completed', total_chunks: 2, chunks_embedded: 2 }],
    )
    fireEvent.click(screen.getByRole('button', { name: 'Clear finished' }))
    expect(handlers.onClearSettled).toHaveBeenCalledWith(['done.md', 'bad.png'])
  })
})
