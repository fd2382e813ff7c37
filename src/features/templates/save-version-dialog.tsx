import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

import { templateAgentsQueryOptions, useSaveTemplateVersion } from '@/api/templates'
import { FormActions } from '@/components/form-actions'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/lib/toast'

import { AgentSelect } from './agent-select'

/**
 * Saves an agent's current design as the next version of its template. With `templateId`, the
 * agent is chosen among those that belong to the template; with `agentId`, it is that agent.
 */
export function SaveVersionDialog({
  templateId,
  agentId,
  onSaved,
  children,
}: {
  templateId?: string | undefined
  agentId?: string | undefined
  onSaved?: (version: string) => void
  children: ReactNode
}) {
  return (
    <FormDialog
      trigger={children}
      title="Save new version"
      description="The agent's system prompt, memory blocks, tools, sources and model become the template's next version. Earlier versions stay as they were."
    >
      {(close) => (
        <SaveVersionForm
          templateId={templateId}
          fixedAgentId={agentId}
          onDone={(version) => {
            close()
            onSaved?.(version)
          }}
        />
      )}
    </FormDialog>
  )
}

function SaveVersionForm({
  templateId,
  fixedAgentId,
  onDone,
}: {
  templateId: string | undefined
  fixedAgentId: string | undefined
  onDone: (version: string) => void
}) {
  const agents = useQuery({
    ...templateAgentsQueryOptions(templateId ?? ''),
    enabled: Boolean(templateId) && !fixedAgentId,
  })
  const [agentId, setAgentId] = useState(fixedAgentId)
  const [message, setMessage] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const save = useSaveTemplateVersion()

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    if (!agentId) return setProblem('Choose the agent whose design to save.')
    save.mutate(
      { agentId, message },
      {
        onSuccess: (saved) => {
          toast.success(`Saved version ${saved.version} of ${saved.templateName}`)
          onDone(saved.version)
        },
        onError: (error) => setProblem(error.message),
      },
    )
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      {!fixedAgentId && (
        <FormField label="From agent">
          <AgentSelect
            agents={agents.data?.map((agent) => ({ id: agent.id, name: agent.name }))}
            error={agents.error}
            value={agentId}
            onValueChange={setAgentId}
          />
        </FormField>
      )}
      <FormField label="Message" hint="What changed in this version.">
        <Input
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          autoComplete="off"
          maxLength={1000}
        />
      </FormField>
      <FormActions problem={problem} pending={save.isPending}>
        Save version
      </FormActions>
    </form>
  )
}
