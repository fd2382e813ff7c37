import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState, type ReactNode } from 'react'

import { embeddingModelsQueryOptions, useCreateSource, type EmbeddingModel } from '@/api/sources'
import { FormActions } from '@/components/form-actions'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { ChoiceSelect } from '@/components/ui/choice-select'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { PageAction } from '@/lib/page-actions'
import { toast } from '@/lib/toast'

import { sourceNameProblem } from './source-edit'
import { parseChunkSize } from './source-form'

/** How a model is named in the list and sent to the server: its handle, else its model name. */
export const embeddingKey = (config: EmbeddingModel) => config.handle ?? config.embedding_model

export function CreateSourceDialog({
  children,
  openOn,
}: {
  children: ReactNode
  openOn?: PageAction
}) {
  return (
    <FormDialog
      openOn={openOn}
      trigger={children}
      title="New source"
      description="Files uploaded to it are split into chunks of this many tokens, and each chunk is embedded with this model."
    >
      {(close) => <CreateSourceForm onDone={close} />}
    </FormDialog>
  )
}

function CreateSourceForm({ onDone }: { onDone: () => void }) {
  const hintId = useId()
  const navigate = useNavigate()
  const models = useQuery(embeddingModelsQueryOptions())
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [chunkSize, setChunkSize] = useState('')
  const [model, setModel] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<string | null>(null)
  const create = useCreateSource()

  const chosen = models.data?.find((config) => embeddingKey(config) === model) ?? models.data?.[0]
  const defaultChunkSize = chosen?.embedding_chunk_size ?? 300

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    const nameProblem = sourceNameProblem(name)
    if (nameProblem) return setProblem(nameProblem)
    const size = parseChunkSize(chunkSize, defaultChunkSize)
    if (!size.ok) return setProblem(size.reason)
    if (!chosen) return setProblem('Choose an embedding model.')
    create.mutate(
      {
        name: name.trim(),
        description: description.trim() || null,
        embedding: embeddingKey(chosen),
        embedding_chunk_size: size.value,
      },
      {
        onSuccess: (source) => {
          toast.success(`Created ${source.name}`)
          onDone()
          void navigate({ to: '/sources/$sourceId', params: { sourceId: source.id } })
        },
        onError: (error) => setProblem(error.message),
      },
    )
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormField label="Name">
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="product-docs"
          autoComplete="off"
          required
          autoFocus
        />
      </FormField>
      <FormField label="Description">
        <Textarea
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="What these documents are, for the people and agents who use them"
          rows={2}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <FormField label="Embedding model" className="min-w-0">
          {models.isError ? (
            <p className="text-sm text-destructive">
              Could not load the server&apos;s embedding models: {models.error.message}
            </p>
          ) : models.data?.length === 0 ? (
            <p className="text-sm text-destructive">The server offers no embedding models.</p>
          ) : (
            <ChoiceSelect
              choices={models.data?.map((config) => ({
                value: embeddingKey(config),
                label: `${embeddingKey(config)} · ${config.embedding_dim} dims`,
              }))}
              placeholder={models.data ? 'Choose a model' : 'Loading models…'}
              value={chosen ? embeddingKey(chosen) : undefined}
              onValueChange={setModel}
            />
          )}
        </FormField>
        <FormField label="Chunk size">
          <Input
            inputMode="numeric"
            value={chunkSize}
            onChange={(event) => setChunkSize(event.target.value)}
            placeholder={String(defaultChunkSize)}
            // The hint spans both columns, under the row.
            aria-describedby={hintId}
          />
        </FormField>
      </div>
      <p id={hintId} className="-mt-2 text-xs text-muted-foreground">
        Chunk size is in tokens; empty means {defaultChunkSize}.
      </p>
      <FormActions problem={problem} pending={create.isPending} disabled={!chosen}>
        Create source
      </FormActions>
    </form>
  )
}
