import type * as SonnerModule from 'sonner'
import type { ExternalToast } from 'sonner'

type Sonner = typeof SonnerModule

/**
 * Toasts without the toast library on the first page: the first toast loads it and asks the app
 * shell to mount the Toaster (see useToasterWanted), then shows once the Toaster is listening.
 */
let wanted = false
const wantedListeners = new Set<() => void>()
let markReady: () => void = () => undefined
const toasterReady = new Promise<void>((resolve) => {
  markReady = resolve
})
let library: Promise<Sonner> | undefined

function whenShown(): Promise<Sonner> {
  if (!wanted) {
    wanted = true
    for (const listener of wantedListeners) listener()
  }
  library ??= import('sonner')
  return toasterReady.then(() => library as Promise<Sonner>)
}

/** Called by the Toaster once mounted: toasts sent before then were waiting for it. */
export function toasterMounted(): void {
  markReady()
}

/** For the shell: whether a Toaster is needed yet. */
export const toasterWantedStore = {
  subscribe(listener: () => void) {
    wantedListeners.add(listener)
    return () => wantedListeners.delete(listener)
  },
  get: () => wanted,
}

type Show = (message: string, data?: ExternalToast) => void
const show =
  (kind: 'success' | 'error' | 'info'): Show =>
  (message, data) =>
    void whenShown().then(({ toast }) => toast[kind](message, data))

export const toast = {
  success: show('success'),
  error: show('error'),
  info: show('info'),
  dismiss: (id: string | number) => void whenShown().then(({ toast }) => toast.dismiss(id)),
}
