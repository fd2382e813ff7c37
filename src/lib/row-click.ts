import type * as React from 'react'

/**
 * Makes a whole table row a mouse target for where its link goes (the link stays the keyboard
 * way in); a click on a link or button inside the row is left to that control.
 */
export function rowClick(go: () => void) {
  return (event: React.MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement
    // A dialog opened from the row is portalled elsewhere, but React still bubbles its clicks here.
    if (!event.currentTarget.contains(target) || target.closest('a, button')) return
    go()
  }
}
