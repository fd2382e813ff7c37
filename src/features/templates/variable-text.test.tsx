import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { VariableText } from './variable-text'

describe('VariableText', () => {
  it('marks variables and shows markup as text, never as HTML', () => {
    const { container } = render(<VariableText text={'Hi {{name}} <img src=x onerror=alert(1)>'} />)
    expect(screen.getByTitle('Memory variable name')).toHaveTextContent('{{name}}')
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toBe('Hi {{name}} <img src=x onerror=alert(1)>')
  })
})
