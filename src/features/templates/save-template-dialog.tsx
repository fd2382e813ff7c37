import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState, type ReactNode } from 'react'

import { agentChoicesQueryOptions, useSaveAgentAsTemplate } from '@/api/templates'
import { FormActions } from '@/components/form-actions'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/lib/toast'

import { AgentSelect } from './agent-select'
import { templateNameProblem } from './template-form'

/** Saves an agent chosen from a list (or the given one) as version 1 of a new template. */
export function SaveTemplateDialog({
  agentId,
  children,
}: {
  agentId?: string | undefined
  children: ReactNode
}) {
  return (
    <FormDialog
      trigger={children}
      title="Save as template"
      description="Version 1 keeps the agent's system prompt, memory blocks, tools, sources and model. Write {{name}} in a block to make a memory variable."
    >
      {(close) => <SaveTemplateForm fixedAgentId={agentId} onDone={close} />}
    </FormDialog>
  )
}

function SaveTemplateForm({
  fixedAgentId,
  onDone,
}: {
  fixedAgentId: string | undefined
  onDone: () => void
}) {
  const navigate = useNavigate()
  const agents = useQuery({ ...agentChoicesQueryOptions(), enabled: !fixedAgentId })
  const [agentId, setAgentId] = useState(fixedAgentId)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const save = useSaveAgentAsTemplate()

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    if (!agentId) return setProblem('Choose the agent to save.')
    const nameProblem = templateNameProblem(name)
    if (nameProblem) return setProblem(nameProblem)
    save.mutate(
      { agentId, name: name.trim() || undefined },
      {
        onSuccess: (saved) => {
          toast.success(`Saved template ${saved.templateName}`)
          onDone()
          void navigate({
            to: '/templates/$templateName',
            params: { templateName: saved.templateName },
          })
        },
        onError: (error) => setProblem(error.message),
      },
    )
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      {!fixedAgentId && (
        <FormField label="Agent">
          <AgentSelect
            agents={agents.data}
            error={agents.error}
            value={agentId}
            onValueChange={setAgentId}
          />
        </FormField>
      )}
      <FormField
        label="Template name"
        hint="Letters, digits, - and _. Empty: made from the agent's name."
      >
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          maxLength={100}
        />
      </FormField>
      <FormActions problem={problem} pending={save.isPending}>
        Save template
      </FormActions>
    </form>
  )
}
