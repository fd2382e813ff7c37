import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { AcceptedTypes, groupByDescription } from './accepted-types'
import type { FilePolicy } from './file-checks'

const policy: FilePolicy = {
  max_file_size_bytes: 50 * 1024 * 1024,
  accepted_types: [
    { extension: '.pdf', mime_types: ['application/pdf'], description: 'PDF document' },
    { extension: '.md', mime_types: ['text/markdown'], description: 'Markdown' },
    { extension: '.MARKDOWN', mime_types: ['text/markdown'], description: 'Markdown' },
    ...['.py', '.js', '.ts', '.go', '.rs', '.rb'].map((extension) => ({
      extension,
      mime_types: ['text/plain'],
      description: `Code ${extension}`,
    })),
  ],
}

describe('groupByDescription', () => {
  it('gathers the extensions of each kind of file, in order', () => {
    expect(groupByDescription(policy).slice(0, 2)).toEqual([
      { description: 'PDF document', extensions: ['.pdf'] },
      { description: 'Markdown', extensions: ['.md', '.markdown'] },
    ])
  })
})

describe('AcceptedTypes', () => {
  it('summarizes in a line and lists every type on request', () => {
    render(<AcceptedTypes policy={policy} />)
    expect(
      screen.getByText(
        /Drop files anywhere on this page: \.pdf, \.md, \.markdown, \.py, \.js, \.ts and 3 more, up to 50 MB each\./,
      ),
    ).toBeInTheDocument()
    const toggle = screen.getByRole('button', { name: 'All 9 types' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    fireEvent.click(toggle)
    expect(screen.getByRole('button', { name: 'Hide the types' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    expect(screen.getByText('.md .markdown')).toBeInTheDocument()
    expect(screen.getByText('Code .rb')).toBeInTheDocument()
  })
})
