import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router'
import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Job } from '@/api/jobs'
import { ThemeProvider } from '@/components/theme-provider'
import { Toaster } from '@/components/ui/sonner'
import { getTrackedJobs, trackJob, untrackJob } from '@/lib/tracked-jobs'

import { JobFinishNotifier } from './job-finish-notifier'
import { testJob } from './test-job'

const jobIn = (status: string): Job =>
  testJob({
    status,
    updated_at: new Date().toISOString(),
    completed_at: status === 'running' ? null : new Date().toISOString(),
    metadata: status === 'failed' ? { error: 'Unreadable PDF' } : {},
  })

// The stand-in replaces fetch before the modules under test load.
const server = vi.hoisted(() => {
  const state = {
    answer: (_request: Request): Promise<Response> => Promise.reject(new TypeError('No server')),
  }
  globalThis.fetch = ((input: Request) => state.answer(input)) as typeof fetch
  return state
})

/** The server's answers to GET /v1/jobs/job-1, one per request; the last one repeats. */
function serveJobStates(states: (Job | 404)[]) {
  const requests: string[] = []
  server.answer = (request) => {
    requests.push(new URL(request.url).pathname)
    const state = states[Math.min(requests.length - 1, states.length - 1)]
    return Promise.resolve(
      state === 404
        ? Response.json({ detail: 'Job job-1 not found' }, { status: 404 })
        : Response.json(state),
    )
  }
  return requests
}

function renderAt(path: string) {
  const root = createRootRoute({
    component: () => (
      <>
        <Outlet />
        <JobFinishNotifier />
        <Toaster />
      </>
    ),
  })
  const page = (routePath: string) =>
    createRoute({ getParentRoute: () => root, path: routePath, component: () => <p>page</p> })
  const router = createRouter({
    routeTree: root.addChildren([page('/'), page('/sources/$sourceId'), page('/jobs/$jobId')]),
    history: createMemoryHistory({ initialEntries: [path] }),
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>,
  )
  return { queryClient }
}

beforeEach(() => {
  // jsdom has no matchMedia; the theme provider asks it for the system's colour scheme.
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  untrackJob('job-1')
})

describe('JobFinishNotifier', () => {
  it('polls a tracked job and tells when it finishes elsewhere, then stops watching', async () => {
    const requests = serveJobStates([jobIn('running'), jobIn('completed')])
    trackJob({ id: 'job-1', label: 'Upload of report.pdf', href: '/sources/source-1' })
    renderAt('/')
    expect(
      await screen.findByText('Upload of report.pdf completed', {}, { timeout: 4_000 }),
    ).toBeVisible()
    expect(screen.getByRole('link', { name: 'View' })).toHaveAttribute('href', '/sources/source-1')
    expect(getTrackedJobs()).toEqual([])
    const seen = requests.length
    expect(seen).toBe(2)
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(requests.length).toBe(seen)
  })

  it('gives the reason of a failure', async () => {
    serveJobStates([jobIn('failed')])
    trackJob({ id: 'job-1', label: 'Upload of report.pdf' })
    renderAt('/')
    expect(await screen.findByText('Upload of report.pdf failed: Unreadable PDF')).toBeVisible()
    expect(screen.getByRole('link', { name: 'View' })).toHaveAttribute('href', '/jobs/job-1')
  })

  it('stays quiet on the page that already shows the result', async () => {
    const requests = serveJobStates([jobIn('completed')])
    // A label of its own: toasts of the other tests may still be on screen.
    trackJob({ id: 'job-1', label: 'Upload of shown.pdf', href: '/sources/source-1' })
    renderAt('/sources/source-1')
    await waitFor(() => expect(getTrackedJobs()).toEqual([]))
    expect(requests).toEqual(['/v1/jobs/job-1'])
    expect(screen.queryByText(/shown\.pdf/)).not.toBeInTheDocument()
  })

  it('forgets a job the server no longer has', async () => {
    serveJobStates([404])
    trackJob({ id: 'job-1', label: 'Upload of gone.pdf' })
    renderAt('/')
    await waitFor(() => expect(getTrackedJobs()).toEqual([]))
    expect(screen.queryByText(/Upload of gone.pdf/)).not.toBeInTheDocument()
  })
})
