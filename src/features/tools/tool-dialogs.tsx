import { Loader2Icon, Trash2Icon } from 'lucide-react'
import { useState } from 'react'

import { useDeleteTool, type Tool } from '@/api/tools'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'

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
  const [open, setOpen] = useState(false)
  const remove = useDeleteTool(tool.id, { onSuccess: onDeleted, onError: onDeleteFailed })
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) remove.reset()
        setOpen(next)
      }}
    >
      <Button variant="outline" onClick={() => setOpen(true)}>
        <Trash2Icon /> Delete
      </Button>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {tool.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            Agents that use this tool will no longer be able to call it. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {remove.isError && (
          <p role="alert" className="text-sm text-destructive">
            {remove.error.message}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
          {/* A plain button: the dialog stays open until the server has answered. */}
          <Button
            variant="destructive"
            disabled={remove.isPending}
            onClick={() => {
              onBeforeDelete()
              remove.mutate()
            }}
          >
            {remove.isPending && <Loader2Icon className="animate-spin" />}
            Delete tool
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
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
    <AlertDialog open={open} onOpenChange={(next) => !next && onStay()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Leave without saving?</AlertDialogTitle>
          <AlertDialogDescription>
            Your changes to {toolName} have not been saved and will be lost.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel onClick={onStay}>Stay</AlertDialogCancel>
          <Button variant="destructive" onClick={onLeave}>
            Leave
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
