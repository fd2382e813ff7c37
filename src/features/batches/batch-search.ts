import { z } from '@/lib/zod'

export const batchSearchSchema = z.object({
  order: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  /** The last message id of the previous page. */
  cursor: z.string().min(1).max(100).optional().catch(undefined),
})

export type BatchSearch = z.output<typeof batchSearchSchema>
