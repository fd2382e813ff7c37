import { useDeleteTool, type Tool } from '@/api/tools'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { TrashIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'

/** Delete, after a confirmation that names the tool. */
export function DeleteToolButton({
  tool,
  onBeforeDelete,
  onDeleteFailed,
  onDeleted,
}: {
  tool: Tool
  onBeforeDelete: () => void
  onDeleteFailed: () => void
  onDeleted: () => Promise<void>
}) {
  const remove = useDeleteTool(tool.id, { onSuccess: onDeleted, onError: onDeleteFailed })
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline">
          <Icon node={TrashIcon} /> Delete
        </Button>
      }
      title={`Delete ${tool.name}?`}
      description="Agents that use this tool will no longer be able to call it. This cannot be undone."
      confirmLabel="Delete tool"
      onConfirm={() => {
        onBeforeDelete()
        return remove.mutateAsync()
      }}
    />
  )
}

/** Asked when leaving the editor with changes that are not saved. */
export function LeaveWithoutSavingDialog({
  open,
  toolName,
  onStay,
  onLeave,
}: {
  open: boolean
  toolName: string
  onStay: () => void
  onLeave: () => void
}) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onStay()}
      title="Leave without saving?"
      description={`Your changes to ${toolName} have not been saved and will be lost.`}
      cancelLabel="Stay"
      confirmLabel="Leave"
      onConfirm={onLeave}
    />
  )
}
