import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { Loader2Icon } from 'lucide-react'
import { useId, useState, type ReactNode } from 'react'
import { toast } from 'sonner'

import { embeddingModelsQueryOptions, useCreateSource, type EmbeddingModel } from '@/api/sources'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'

import { parseChunkSize } from './source-form'

/** How a model is named in the list and sent to the server: its handle, else its model name. */
export const embeddingKey = (config: EmbeddingModel) => config.handle ?? config.embedding_model

export function CreateSourceDialog({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New source</DialogTitle>
          <DialogDescription>
            Files uploaded to it are split into chunks of this many tokens, and each chunk is
            embedded with this model.
          </DialogDescription>
        </DialogHeader>
        {open && <CreateSourceForm onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  )
}

function CreateSourceForm({ onDone }: { onDone: () => void }) {
  const id = useId()
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
    if (!name.trim()) return setProblem('Give the source a name.')
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
      <div className="grid gap-2">
        <Label htmlFor={`${id}-name`}>Name</Label>
        <Input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="product-docs"
          autoComplete="off"
          required
          autoFocus
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor={`${id}-description`}>Description</Label>
        <Textarea
          id={`${id}-description`}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="What these documents are, for the people and agents who use them"
          rows={2}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <div className="grid min-w-0 gap-2">
          <Label htmlFor={`${id}-model`}>Embedding model</Label>
          {models.isError ? (
            <p className="text-sm text-destructive">
              Could not load the server&apos;s embedding models: {models.error.message}
            </p>
          ) : models.data?.length === 0 ? (
            <p className="text-sm text-destructive">The server offers no embedding models.</p>
          ) : (
            <Select
              value={chosen ? embeddingKey(chosen) : undefined}
              onValueChange={setModel}
              disabled={models.isPending}
            >
              <SelectTrigger id={`${id}-model`} className="w-full">
                <SelectValue
                  placeholder={models.isPending ? 'Loading models…' : 'Choose a model'}
                />
              </SelectTrigger>
              <SelectContent>
                {models.data?.map((config) => (
                  <SelectItem key={embeddingKey(config)} value={embeddingKey(config)}>
                    <span className="font-mono text-xs">{embeddingKey(config)}</span>
                    <span className="ml-1.5 text-xs text-muted-foreground">
                      · {config.embedding_dim} dims
                    </span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </div>
        <div className="grid gap-2">
          <Label htmlFor={`${id}-chunk`}>Chunk size</Label>
          <Input
            id={`${id}-chunk`}
            inputMode="numeric"
            value={chunkSize}
            onChange={(event) => setChunkSize(event.target.value)}
            placeholder={String(defaultChunkSize)}
            aria-describedby={`${id}-chunk-hint`}
          />
        </div>
      </div>
      <p id={`${id}-chunk-hint`} className="-mt-2 text-xs text-muted-foreground">
        Chunk size is in tokens; empty means {defaultChunkSize}.
      </p>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <DialogFooter>
        <Button type="submit" disabled={create.isPending || !chosen}>
          {create.isPending && <Loader2Icon className="animate-spin" />}
          Create source
        </Button>
      </DialogFooter>
    </form>
  )
}
