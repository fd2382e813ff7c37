import { useSyncExternalStore } from 'react'

/** A background job this browser started (an upload, a batch), watched until it finishes. */
export interface TrackedJob {
  id: string
  /** What the user would call it: "Upload of report.pdf". */
  label: string
  /** Where its result is seen, for the toast's link. */
  href?: string
}

const STORAGE_KEY = 'letta-admin.tracked-jobs'
const listeners = new Set<() => void>()

function read(): TrackedJob[] {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as TrackedJob[]) : []
  } catch {
    return []
  }
}

let tracked = read()

function write(next: TrackedJob[]): void {
  tracked = next
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  for (const listener of listeners) listener()
}

export function trackJob(job: TrackedJob): void {
  write([...tracked.filter((existing) => existing.id !== job.id), job])
}

export function untrackJob(id: string): void {
  if (tracked.some((job) => job.id === id)) write(tracked.filter((job) => job.id !== id))
}

export function getTrackedJobs(): TrackedJob[] {
  return tracked
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTrackedJobs(): TrackedJob[] {
  return useSyncExternalStore(subscribe, getTrackedJobs)
}
