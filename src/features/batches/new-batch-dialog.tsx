import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState, type ReactNode } from 'react'

import { useCreateBatch } from '@/api/batches'
import { agentChoicesQueryOptions } from '@/api/templates'
import { FormActions } from '@/components/form-actions'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/lib/toast'

const MAX_AGENTS = 100

/** Sends one message to each chosen agent, as one batch. */
export function NewBatchDialog({ children }: { children: ReactNode }) {
  return (
    <FormDialog
      trigger={children}
      title="New batch"
      description="Each chosen agent gets the message as its own request; a few run at a time, and one failing does not stop the others."
    >
      {(close) => <NewBatchForm onDone={close} />}
    </FormDialog>
  )
}

function NewBatchForm({ onDone }: { onDone: () => void }) {
  const id = useId()
  const navigate = useNavigate()
  const agents = useQuery(agentChoicesQueryOptions())
  const [selected, setSelected] = useState<string[]>([])
  const [message, setMessage] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const create = useCreateBatch()

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    if (!selected.length) return setProblem('Choose at least one agent.')
    if (selected.length > MAX_AGENTS) return setProblem(`Choose at most ${MAX_AGENTS} agents.`)
    if (!message.trim()) return setProblem('Write the message to send.')
    create.mutate(
      { agentIds: selected, message },
      {
        onSuccess: (job) => {
          toast.success(`Started a batch of ${selected.length}`)
          onDone()
          void navigate({ to: '/batches/$batchId', params: { batchId: job.id } })
        },
        onError: (error) => setProblem(error.message),
      },
    )
  }

  const toggle = (agentId: string, checked: boolean) =>
    setSelected((previous) =>
      checked ? [...previous, agentId] : previous.filter((other) => other !== agentId),
    )

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Agents</legend>
        {agents.isPending && <p className="text-sm text-muted-foreground">Loading agents…</p>}
        {agents.isError && (
          <p role="alert" className="text-sm text-destructive">
            Could not load the agents: {agents.error.message}
          </p>
        )}
        {agents.data?.length === 0 && (
          <p className="text-sm text-muted-foreground">There are no agents yet.</p>
        )}
        {agents.data && agents.data.length > 0 && (
          <ul className="grid max-h-48 gap-1.5 overflow-y-auto rounded-md border p-2">
            {agents.data.map((agent) => (
              <li key={agent.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  id={`${id}-${agent.id}`}
                  className="size-4 accent-primary"
                  checked={selected.includes(agent.id)}
                  onChange={(event) => toggle(agent.id, event.target.checked)}
                />
                <label htmlFor={`${id}-${agent.id}`} className="truncate">
                  {agent.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <FormField label="Message">
        <Textarea
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          rows={3}
          maxLength={100_000}
        />
      </FormField>
      <FormActions problem={problem} pending={create.isPending}>
        Start batch
      </FormActions>
    </form>
  )
}
