import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'

import { useCreateTool } from '@/api/tools'
import { FormField } from '@/components/form-field'
import { LoaderCircleIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/lib/toast'

import { parseTags } from './changes'
import { EXAMPLE_TOOL_SOURCE } from './example-source'

/** Creates a custom tool from Python source, then opens it in the editor. */
export function NewToolDialog({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const navigate = useNavigate()
  const [source, setSource] = useState(EXAMPLE_TOOL_SOURCE)
  const [tagsText, setTagsText] = useState('')
  const create = useCreateTool({
    onSuccess: async (tool) => {
      toast.success(`Created ${tool.name}`)
      onOpenChange(false)
      setSource(EXAMPLE_TOOL_SOURCE)
      setTagsText('')
      await navigate({ to: '/tools/$toolId', params: { toolId: tool.id } })
    },
  })

  const setOpen = (next: boolean) => {
    // A failed attempt's message belongs to that attempt.
    if (!next) create.reset()
    onOpenChange(next)
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    create.mutate({ source_code: source, source_type: 'python', tags: parseTags(tagsText) })
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="sm:max-w-3xl">
        <form className="grid gap-4" onSubmit={submit}>
          <DialogHeader>
            <DialogTitle>New tool</DialogTitle>
            <DialogDescription>
              A Python function with type hints and a Google-style docstring. Its name becomes the
              tool&rsquo;s name and its docstring the description agents read.
            </DialogDescription>
          </DialogHeader>
          <FormField label="Python source">
            <Textarea
              className="[field-sizing:fixed] max-h-[50vh] min-h-64 font-mono text-xs leading-relaxed"
              spellCheck={false}
              wrap="off"
              autoCapitalize="off"
              autoCorrect="off"
              value={source}
              onChange={(event) => setSource(event.target.value)}
              // The server's refusal stands below all the fields, not under this one.
              aria-invalid={create.isError || undefined}
              aria-describedby={create.isError ? 'new-tool-error' : undefined}
            />
          </FormField>
          <FormField label="Tags">
            <Input
              placeholder="Comma-separated, e.g. games, demo"
              value={tagsText}
              onChange={(event) => setTagsText(event.target.value)}
            />
          </FormField>
          {create.isError && (
            <p
              id="new-tool-error"
              role="alert"
              className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
            >
              {create.error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending || source.trim() === ''}>
              {create.isPending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
              Create tool
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
