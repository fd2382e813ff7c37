import {
  ActivityIcon,
  BarChart3Icon,
  BotIcon,
  DatabaseIcon,
  LayoutDashboardIcon,
  ListChecksIcon,
  PlugIcon,
  WrenchIcon,
  type LucideIcon,
} from 'lucide-react'

import type { FileRoutesByTo } from '@/routeTree.gen'

export interface NavItem {
  title: string
  to: keyof FileRoutesByTo
  icon: LucideIcon
  /** Words the command palette also matches. */
  keywords?: string[]
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
      },
      {
        title: 'Runs',
        to: '/runs',
        icon: ActivityIcon,
        keywords: ['steps', 'tokens', 'usage', 'stop reason', 'transcript'],
      },
      {
        title: 'Usage',
        to: '/usage',
        icon: BarChart3Icon,
        keywords: ['tokens', 'cost', 'charts', 'models', 'billing', 'csv'],
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
      },
      {
        title: 'Sources',
        to: '/sources',
        icon: DatabaseIcon,
        keywords: ['files', 'folders', 'documents', 'upload', 'passages', 'embeddings'],
      },
      {
        title: 'Jobs',
        to: '/jobs',
        icon: ListChecksIcon,
        keywords: ['uploads', 'progress', 'background', 'cancel'],
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

/** Sections with no page yet are left out, so the sidebar never shows an empty heading. */
export const navigation = allSections.filter((section) => section.items.length > 0)
