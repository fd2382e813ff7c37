import { z } from '@/lib/zod'

/** The /agents page's URL: the text search. A bad value falls back to none. */
export const agentsSearchSchema = z.object({
  q: z.string().max(255).default('').catch(''),
})

export type AgentsSearch = z.infer<typeof agentsSearchSchema>
