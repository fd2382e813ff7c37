import {
  ActivityIcon,
  BotIcon,
  ChartColumnIcon,
  DatabaseIcon,
  LayersIcon,
  LayoutDashboardIcon,
  LayoutTemplateIcon,
  ListChecksIcon,
  PlugIcon,
  WrenchIcon,
  type IconNode,
} from '@/components/icons'
import type { FileRoutesByTo } from '@/routeTree.gen'

import type { CapabilityName, ServerCapabilities } from './capabilities'

export interface NavItem {
  title: string
  to: keyof FileRoutesByTo
  icon: IconNode
  /** Words the command palette also matches. */
  keywords?: string[]
  /** The page works when the server has any of these; hidden when it surely has none. */
  requires?: CapabilityName[]
  /** Capabilities whose absence the page works around, said in a note above it. */
  notes?: CapabilityName[]
}

export interface NavSection {
  title: string
  items: NavItem[]
}

/** The pages of the console, in sidebar order; the command palette offers the same list. */
const allSections: NavSection[] = [
  {
    title: 'Server',
    items: [
      { title: 'Overview', to: '/', icon: LayoutDashboardIcon, keywords: ['home', 'health'] },
    ],
  },
  {
    title: 'Agents',
    items: [
      {
        title: 'Agents',
        to: '/agents',
        icon: BotIcon,
        keywords: ['chat', 'memory', 'blocks', 'conversation', 'messages'],
        requires: ['agents'],
      },
      {
        title: 'Runs',
        to: '/runs',
        icon: ActivityIcon,
        keywords: ['steps', 'tokens', 'usage', 'stop reason', 'transcript'],
        requires: ['runs'],
      },
      {
        title: 'Usage',
        to: '/usage',
        icon: ChartColumnIcon,
        keywords: ['tokens', 'cost', 'charts', 'models', 'billing', 'csv'],
        requires: ['usage', 'steps'],
      },
    ],
  },
  {
    // Tools, Sources and Jobs, in that order, as their pages are built.
    title: 'Resources',
    items: [
      {
        title: 'Tools',
        to: '/tools',
        icon: WrenchIcon,
        keywords: ['functions', 'python', 'schema', 'run'],
        requires: ['tools'],
        notes: ['generateSchema'],
      },
      {
        title: 'Sources',
        to: '/sources',
        icon: DatabaseIcon,
        keywords: ['files', 'folders', 'documents', 'upload', 'passages', 'embeddings'],
        requires: ['sources', 'folders'],
        notes: ['sources', 'jobs'],
      },
      {
        title: 'Templates',
        to: '/templates',
        icon: LayoutTemplateIcon,
        keywords: ['versions', 'memory variables', 'agent design', 'diff'],
        requires: ['templates'],
      },
      {
        title: 'Batches',
        to: '/batches',
        icon: LayersIcon,
        keywords: ['messages', 'many agents', 'bulk', 'batch runs'],
        requires: ['batches'],
      },
      {
        title: 'Jobs',
        to: '/jobs',
        icon: ListChecksIcon,
        keywords: ['uploads', 'progress', 'background', 'cancel'],
        requires: ['jobs'],
      },
    ],
  },
  {
    title: 'Settings',
    items: [
      {
        title: 'Connection',
        to: '/settings/connection',
        icon: PlugIcon,
        keywords: ['server', 'password', 'url'],
      },
    ],
  },
]

/** Whether a page can work on this server: false only when every capability it needs is surely missing. */
export function isAvailable(item: NavItem, capabilities: ServerCapabilities): boolean {
  return !item.requires || item.requires.some((name) => capabilities.has[name] !== false)
}

/** The pages this server supports; sections left empty are dropped, so no heading stands alone. */
export function navigationFor(capabilities: ServerCapabilities): NavSection[] {
  return allSections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => isAvailable(item, capabilities)),
    }))
    .filter((section) => section.items.length > 0)
}

/** The entry a path belongs to, the longest that matches: "/tools/abc" is under Tools, "/" is the Overview. */
function entryOfPath(pathname: string): NavItem | undefined {
  let best: NavItem | undefined
  for (const item of allSections.flatMap((section) => section.items)) {
    const matches =
      item.to === '/'
        ? pathname === '/'
        : pathname === item.to || pathname.startsWith(`${item.to}/`)
    if (matches && (!best || item.to.length > best.to.length)) best = item
  }
  return best
}

/** The navigation entry of a page below the overview: `/jobs/job-1` belongs to Jobs. */
export function navItemForPath(pathname: string): NavItem | undefined {
  const item = entryOfPath(pathname)
  return item?.to === '/' ? undefined : item
}

/** The section title a page's document title names ("greet · Tools · Letta Admin"). */
export function sectionOfPath(pathname: string): string | undefined {
  return entryOfPath(pathname)?.title
}
