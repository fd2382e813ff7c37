import { z } from '@/lib/zod'

export const templatesSearchSchema = z.object({
  /** Text in the template's name. */
  q: z.string().max(255).default('').catch(''),
  /** How many templates the page skips. */
  offset: z.coerce.number().int().min(0).default(0).catch(0),
})

export type TemplatesSearch = z.output<typeof templatesSearchSchema>

export const templateSearchSchema = z.object({
  tab: z.enum(['memory', 'versions', 'agents']).default('memory').catch('memory'),
  /** The version the memory tab shows; the latest when absent. */
  version: z.coerce.string().regex(/^\d+$/).optional().catch(undefined),
  /** The two versions the diff compares. */
  from: z.coerce.string().regex(/^\d+$/).optional().catch(undefined),
  to: z.coerce.string().regex(/^\d+$/).optional().catch(undefined),
})

export type TemplateSearch = z.output<typeof templateSearchSchema>
