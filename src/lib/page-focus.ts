/**
 * After a navigation to another page, focus moves to that page's h1, so keyboard and screen reader
 * users start at the new content. A filter or tab change (same path) keeps focus where it is.
 */
let headingFocusPending = false

/** Called when a navigation to another path has resolved. */
export function requestHeadingFocus(): void {
  headingFocusPending = true
  // The page may already show its heading; otherwise the heading takes focus when it mounts.
  requestAnimationFrame(focusPendingHeading)
}

/** Focuses the main heading when a navigation asked for it and it is on screen. */
export function focusPendingHeading(): void {
  if (!headingFocusPending) return
  const heading = document.querySelector<HTMLElement>('main h1')
  // An open dialog keeps focus; its closing hands it on (see takeHeadingFocus).
  if (!heading || document.querySelector('dialog[open], [role="dialog"][data-state="open"]')) return
  headingFocusPending = false
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
}

/**
 * A dialog's onCloseAutoFocus: when the dialog led to another page (the palette, the phone drawer),
 * focus goes to that page's heading instead of back to the dialog's opener.
 */
export function takeHeadingFocus(event: Event): void {
  if (!headingFocusPending) return
  event.preventDefault()
  focusPendingHeading()
}

const APP_NAME = 'Letta Admin'

/** "greet · Tools · Letta Admin": the page, then the section it belongs to, then the console. */
export function documentTitle(page: string, section?: string): string {
  const parts = [page]
  if (section && section !== page) parts.push(section)
  parts.push(APP_NAME)
  return parts.join(' · ')
}
