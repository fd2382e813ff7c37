import * as React from 'react'

import { cn } from '@/lib/utils'

type AnyProps = Record<string, unknown>

function composeHandlers(outer: unknown, inner: unknown): unknown {
  if (typeof outer !== 'function') return inner
  if (typeof inner !== 'function') return outer
  return (...args: unknown[]) => {
    // The child's own handler runs first, then the slot's.
    ;(inner as (...args: unknown[]) => void)(...args)
    ;(outer as (...args: unknown[]) => void)(...args)
  }
}

function composeRefs<T>(...refs: (React.Ref<T> | undefined)[]): React.RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) ref.current = node
    }
  }
}

/**
 * Renders its only child with the slot's props merged in (classes joined, handlers and refs
 * composed, the child's other props winning), so `asChild` components can lend their behaviour
 * and styling to a link or input.
 */
export function Slot({
  children,
  ref,
  ...slotProps
}: React.HTMLAttributes<HTMLElement> & {
  ref?: React.Ref<HTMLElement>
  children?: React.ReactNode
}) {
  if (!React.isValidElement<AnyProps>(children)) return null
  const childProps = children.props
  const merged: AnyProps = { ...slotProps, ...childProps }
  for (const [name, value] of Object.entries(slotProps)) {
    if (/^on[A-Z]/.test(name)) merged[name] = composeHandlers(value, childProps[name])
  }
  if (slotProps.className || childProps.className)
    merged.className = cn(slotProps.className, childProps.className as string | undefined)
  if (slotProps.style || childProps.style)
    merged.style = { ...slotProps.style, ...(childProps.style as React.CSSProperties) }
  const childRef = childProps.ref as React.Ref<HTMLElement> | undefined
  if (ref || childRef) merged.ref = ref && childRef ? composeRefs(ref, childRef) : (ref ?? childRef)
  return React.cloneElement(children, merged)
}
