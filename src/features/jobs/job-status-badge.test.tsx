import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { JobStatusBadge } from './job-status-badge'

describe('JobStatusBadge', () => {
  it('colours each known status its own way', () => {
    const classes = new Map<string, string>()
    for (const status of ['created', 'running', 'completed', 'failed', 'cancelled']) {
      const { unmount } = render(<JobStatusBadge status={status} />)
      const badge = screen.getByText(status)
      expect(badge).toHaveAttribute('data-slot', 'badge')
      classes.set(status, badge.className)
      unmount()
    }
    expect(new Set(classes.values()).size).toBe(classes.size)
    expect(classes.get('completed')).toContain('text-success')
    expect(classes.get('failed')).toContain('text-destructive')
  })

  it('shows a status it does not know as plain text', () => {
    render(<JobStatusBadge status="not_started" />)
    const text = screen.getByText('not_started')
    expect(text).not.toHaveAttribute('data-slot', 'badge')
    expect(text).toHaveAttribute('data-status', 'not_started')
  })
})
