import type { ReactNode } from 'react'

import { useDeleteAgent, type Agent } from '@/api/agents'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { toast } from '@/lib/toast'

/** Asks before deleting an agent with its memory and conversation. */
export function DeleteAgentDialog({
  agent,
  children,
  onDeleted,
}: {
  agent: Pick<Agent, 'id' | 'name'>
  children: ReactNode
  onDeleted?: () => void
}) {
  const remove = useDeleteAgent()
  return (
    <ConfirmDialog
      trigger={children}
      title={`Delete ${agent.name}?`}
      description="Its memory blocks and conversation go with it. Its runs stay listed, for usage history; attached tools and sources stay."
      confirmLabel="Delete agent"
      onConfirm={() =>
        remove.mutateAsync(agent.id, {
          onSuccess: () => {
            toast.success(`Deleted ${agent.name}`)
            onDeleted?.()
          },
        })
      }
    />
  )
}
