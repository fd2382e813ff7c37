import { useEffect, useRef } from 'react'

/** Actions the command palette can ask a page to do; the page that can do one listens for it. */
export type PageAction = 'new-tool' | 'new-source' | 'upload-files'

const EVENT = 'letta-admin:page-action'
let pending: PageAction | undefined

/**
 * Asks the page to do `action`. When the page is not on screen yet (the palette navigates to it
 * first), the action waits and the page does it as it mounts.
 */
export function requestPageAction(action: PageAction): void {
  pending = action
  document.dispatchEvent(new CustomEvent<PageAction>(EVENT, { detail: action }))
}

/** Runs `handler` when `action` is requested, including a request made just before mounting. */
export function usePageAction(action: PageAction | undefined, handler: () => void): void {
  const handlerRef = useRef(handler)
  useEffect(() => {
    handlerRef.current = handler
  })
  useEffect(() => {
    if (!action) return
    const run = () => {
      if (pending !== action) return
      pending = undefined
      handlerRef.current()
    }
    run()
    document.addEventListener(EVENT, run)
    return () => document.removeEventListener(EVENT, run)
  }, [action])
}
