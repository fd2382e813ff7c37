import { useRef, useState, type ReactNode } from 'react'

import { useUpdateSource, type Source } from '@/api/sources'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { LoaderCircleIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { DialogClose, DialogFooter } from '@/components/ui/dialog'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/lib/toast'

import {
  draftFromSource,
  hasSourceChanges,
  sourceChanges,
  sourceNameProblem,
  type SourceDraft,
} from './source-edit'

export function EditSourceDialog({ source, children }: { source: Source; children: ReactNode }) {
  return (
    <FormDialog
      trigger={children}
      title="Edit source"
      description="Only the fields you change are saved. Files and passages stay as they are."
    >
      {(close) => <EditSourceForm source={source} onDone={close} />}
    </FormDialog>
  )
}

function EditSourceForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const [draft, setDraft] = useState<SourceDraft>(() => draftFromSource(source))
  const [nameError, setNameError] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<string | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const update = useUpdateSource(source.id)

  const changes = sourceChanges(source, draft)
  const changed = hasSourceChanges(changes)

  const edit = (field: keyof SourceDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }))
    if (field === 'name') setNameError(undefined)
  }

  // The name's error is read out with the field when it takes the focus.
  const refuseName = (reason: string) => {
    setNameError(reason)
    nameRef.current?.focus()
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    if (!changed || update.isPending) return
    setProblem(null)
    const nameProblem = sourceNameProblem(draft.name)
    if (nameProblem) return refuseName(nameProblem)
    update.mutate(changes, {
      onSuccess: (saved) => {
        toast.success(`Saved ${saved.name}`)
        onDone()
      },
      // A taken name belongs to the name field; anything else is said above the buttons.
      onError: (error) =>
        error.status === 409 ? refuseName(error.message) : setProblem(error.message),
    })
  }

  return (
    <form
      className="grid gap-4"
      onSubmit={submit}
      // Enter in a text area starts a new line there; Ctrl/Cmd+Enter saves from any field.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          event.currentTarget.requestSubmit()
        }
      }}
      noValidate
    >
      <FormField label="Name" error={nameError}>
        <Input
          ref={nameRef}
          value={draft.name}
          onChange={(event) => edit('name', event.target.value)}
          autoComplete="off"
          required
          autoFocus
        />
      </FormField>
      <FormField label="Description">
        <Textarea
          value={draft.description}
          onChange={(event) => edit('description', event.target.value)}
          placeholder="What these documents are, for the people and agents who use them"
          rows={2}
        />
      </FormField>
      <FormField
        label="Instructions"
        hint="How an agent should use these files. Ctrl+Enter (⌘+Enter) saves from any field."
      >
        <Textarea
          value={draft.instructions}
          onChange={(event) => edit('instructions', event.target.value)}
          placeholder="Cite the file and page of every passage you quote"
          rows={4}
        />
      </FormField>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          Could not save: {problem}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={!changed || update.isPending}>
          {update.isPending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
          {update.isPending ? 'Saving…' : 'Save'}
        </Button>
      </DialogFooter>
    </form>
  )
}
