import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { SunIcon, TriangleAlertIcon } from '@/components/icons'

import { Icon } from './icon'

function svgOf(container: HTMLElement): SVGSVGElement {
  const svg = container.querySelector('svg')
  if (!svg) throw new Error('no <svg> rendered')
  return svg
}

describe('Icon', () => {
  it('draws every shape of the icon with Lucide’s stroke settings', () => {
    const svg = svgOf(render(<Icon node={SunIcon} className="size-4" />).container)
    expect(svg.getAttribute('viewBox')).toBe('0 0 24 24')
    expect(svg.getAttribute('fill')).toBe('none')
    expect(svg.getAttribute('stroke')).toBe('currentColor')
    expect(svg.getAttribute('stroke-width')).toBe('2')
    expect(svg.getAttribute('stroke-linecap')).toBe('round')
    expect(svg.getAttribute('stroke-linejoin')).toBe('round')
    expect(svg.getAttribute('class')).toBe('size-4')
    const shapes = [...svg.children].map((shape) => [
      shape.tagName,
      Object.fromEntries(
        [...shape.attributes].map((attribute) => [attribute.name, attribute.value]),
      ),
    ])
    expect(shapes).toEqual(SunIcon.map(([tag, attributes]) => [tag, attributes]))
  })

  it('is hidden from assistive technology unless the caller labels it', () => {
    const hidden = svgOf(render(<Icon node={TriangleAlertIcon} />).container)
    expect(hidden.getAttribute('aria-hidden')).toBe('true')
    const labelled = svgOf(
      render(<Icon node={TriangleAlertIcon} aria-hidden={false} aria-label="Warning" role="img" />)
        .container,
    )
    expect(labelled.getAttribute('aria-hidden')).toBe('false')
    expect(labelled.getAttribute('aria-label')).toBe('Warning')
  })
})
