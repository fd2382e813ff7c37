import type { UsageStep } from './usage-from-steps'

/** Pages of this many steps are asked for; a server that caps lower just sends shorter pages. */
export const STEP_PAGE_SIZE = 1000
/** The most steps the page reads from a server without the usage extension before it gives up. */
export const MAX_FALLBACK_STEPS = 50_000

export interface StepPageQuery {
  start_date: string
  end_date: string
  order: 'asc'
  limit: number
  after?: string | undefined
}

export type StepsReadResult =
  | { complete: true; steps: UsageStep[] }
  | { complete: false; steps: UsageStep[]; reason: 'too-many' }

/**
 * Reads every step created in [start, end) from the paged `GET /v1/steps/` listing, oldest first,
 * reporting the count as it goes; stops at `maxSteps` and says so rather than returning part as whole.
 */
export async function readStepsInRange(
  fetchPage: (query: StepPageQuery, signal?: AbortSignal) => Promise<UsageStep[]>,
  range: { start: number; end: number },
  options: {
    maxSteps?: number
    pageSize?: number
    onProgress?: (read: number) => void
    signal?: AbortSignal
  } = {},
): Promise<StepsReadResult> {
  const maxSteps = options.maxSteps ?? MAX_FALLBACK_STEPS
  const pageSize = options.pageSize ?? STEP_PAGE_SIZE
  const steps: UsageStep[] = []
  let after: string | undefined
  for (;;) {
    options.signal?.throwIfAborted()
    const page = await fetchPage(
      {
        start_date: new Date(range.start).toISOString(),
        // The listing's end is inclusive; the step at exactly `end` is dropped when summing.
        end_date: new Date(range.end).toISOString(),
        order: 'asc',
        limit: pageSize,
        after,
      },
      options.signal,
    )
    if (!page.length) return { complete: true, steps }
    steps.push(...page)
    options.onProgress?.(steps.length)
    if (steps.length > maxSteps) return { complete: false, steps, reason: 'too-many' }
    const last = page[page.length - 1]
    if (!last || last.id === after) return { complete: true, steps }
    after = last.id
  }
}
