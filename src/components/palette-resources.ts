import type { QueryClient } from '@tanstack/react-query'

import { agentsQueryOptions } from '@/api/agents'
import { jobsQueryOptions, type Job } from '@/api/jobs'
import { sourcesQueryOptions } from '@/api/sources'
import { toolsInfiniteQueryOptions } from '@/api/tools'
import {
  BotIcon,
  DatabaseIcon,
  ListChecksIcon,
  WrenchIcon,
  type IconNode,
} from '@/components/icons'

/** One thing the palette found: shown with its resource's icon, opened by its address. */
export interface PaletteEntry {
  id: string
  label: string
  detail?: string | undefined
  href: string
}

/** A kind of item the palette searches by name; a new resource is one more entry. */
export interface PaletteResource {
  heading: string
  icon: IconNode
  /** Items whose name contains `search` (case-insensitive), at most a handful. */
  find: (queryClient: QueryClient, search: string) => Promise<PaletteEntry[]>
}

const MAX_PER_RESOURCE = 6

const contains = (text: string | undefined, search: string) =>
  text !== undefined && text.toLowerCase().includes(search.toLowerCase())

const jobFileName = (job: Job) =>
  typeof job.metadata.file_name === 'string' ? job.metadata.file_name : undefined

export const PALETTE_RESOURCES: PaletteResource[] = [
  {
    heading: 'Tools',
    icon: WrenchIcon,
    find: async (queryClient, search) => {
      const pages = await queryClient.fetchInfiniteQuery(
        toolsInfiniteQueryOptions({ search, toolTypes: undefined }),
      )
      return (pages.pages[0] ?? [])
        .filter((tool) => contains(tool.name, search))
        .slice(0, MAX_PER_RESOURCE)
        .map((tool) => ({
          id: tool.id,
          label: tool.name,
          detail: tool.description ?? undefined,
          href: `/tools/${tool.id}`,
        }))
    },
  },
  {
    heading: 'Sources',
    icon: DatabaseIcon,
    find: async (queryClient, search) => {
      const sources = await queryClient.fetchQuery(sourcesQueryOptions())
      return sources
        .filter((source) => contains(source.name, search))
        .slice(0, MAX_PER_RESOURCE)
        .map((source) => ({ id: source.id, label: source.name, href: `/sources/${source.id}` }))
    },
  },
  {
    heading: 'Jobs',
    icon: ListChecksIcon,
    find: async (queryClient, search) => {
      // The newest jobs, by the file they process or their id.
      const jobs = await queryClient.fetchQuery(jobsQueryOptions({ limit: 100 }))
      return jobs
        .filter((job) => contains(jobFileName(job), search) || contains(job.id, search))
        .slice(0, MAX_PER_RESOURCE)
        .map((job) => ({
          id: job.id,
          label: jobFileName(job) ?? job.id,
          detail: job.status,
          href: `/jobs/${job.id}`,
        }))
    },
  },
  {
    heading: 'Agents',
    icon: BotIcon,
    find: async (queryClient, search) => {
      const agents = await queryClient.fetchQuery(agentsQueryOptions({ search }))
      return agents
        .filter(
          (agent) =>
            contains(agent.name, search) || agent.tags.some((tag) => contains(tag, search)),
        )
        .slice(0, MAX_PER_RESOURCE)
        .map((agent) => ({
          id: agent.id,
          label: agent.name,
          detail: agent.tags.join(', ') || undefined,
          href: `/agents/${agent.id}`,
        }))
    },
  },
]
