import { createElement, type SVGProps } from 'react'

import type { IconNode } from '@/components/icons'

interface IconProps extends SVGProps<SVGSVGElement> {
  /** The icon's shapes, from '@/components/icons'. */
  node: IconNode
}

/**
 * A Lucide icon drawn as Lucide's own components draw it (24-unit grid, 2-unit round strokes in
 * the text colour), decorative unless the caller says otherwise. Drawing the path data here keeps
 * lucide-react's runtime, about 1.5 KB compressed, off every page.
 */
export function Icon({ node, ...props }: IconProps) {
  return (
    <svg
      width={24}
      height={24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      {...props}
    >
      {/* The shapes never change order, so their places are their keys. */}
      {node.map(([tag, attributes], index) => createElement(tag, { ...attributes, key: index }))}
    </svg>
  )
}
