const OPEN_EVENT = 'letta-admin:open-command-palette'

/** Opens the command palette from anywhere (the header button, the code editor's Ctrl/Cmd+K). */
export function openCommandPalette(): void {
  document.dispatchEvent(new Event(OPEN_EVENT))
}

/** The palette listens here; returns the unsubscribe. */
export function onOpenCommandPalette(listener: () => void): () => void {
  document.addEventListener(OPEN_EVENT, listener)
  return () => document.removeEventListener(OPEN_EVENT, listener)
}
