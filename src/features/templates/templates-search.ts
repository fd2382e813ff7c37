import {
  countOr,
  matching,
  oneOf,
  searchValidator,
  textOr,
  withoutUndefined,
} from '@/lib/search-params'

/** The /templates page's URL. */
export interface TemplatesSearch {
  /** Text in the template's name. */
  q: string
  /** How many templates the page skips. */
  offset: number
}

/** Reads the /templates page's URL; a bad value falls back to the first page of all templates. */
export const parseTemplatesSearch = searchValidator((search): TemplatesSearch => ({
  q: textOr(search.q, '', 255),
  offset: countOr(search.offset, 0),
}))

export const TEMPLATE_TABS = ['memory', 'versions', 'agents'] as const

/** A template page's URL: the tab, the version shown and the two versions compared. */
export interface TemplateSearch {
  tab: (typeof TEMPLATE_TABS)[number]
  /** The version the memory tab shows; the latest when absent. */
  version?: string | undefined
  /** The two versions the diff compares. */
  from?: string | undefined
  to?: string | undefined
}

const VERSION = /^\d{1,9}$/

/** Reads a template page's URL; a bad value falls back to the latest version's memory. */
export const parseTemplateSearch = searchValidator((search): TemplateSearch =>
  withoutUndefined({
    tab: oneOf(search.tab, TEMPLATE_TABS, 'memory'),
    version: matching(search.version, VERSION),
    from: matching(search.from, VERSION),
    to: matching(search.to, VERSION),
  }),
)
