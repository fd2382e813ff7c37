import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

import {
  templateSnapshotQueryOptions,
  useCreateAgentFromTemplate,
  type TemplateVersion,
} from '@/api/templates'
import { FormActions } from '@/components/form-actions'
import { FormDialog } from '@/components/form-dialog'
import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'
import { NativeSelect } from '@/components/ui/native-select'
import { toast } from '@/lib/toast'

import { emptyVariables } from './template-form'

/** Creates an agent from a chosen version, with a field for each variable that version uses. */
export function CreateAgentDialog({
  templateName,
  versions,
  initialVersion,
  onCreated,
  children,
}: {
  templateName: string
  versions: TemplateVersion[]
  initialVersion: string
  onCreated: (agentId: string) => void
  children: ReactNode
}) {
  return (
    <FormDialog
      trigger={children}
      title={`Create agent from ${templateName}`}
      description="The agent starts with the version's system prompt, memory blocks, tools, sources and model; each {{variable}} in its blocks takes the value given here."
    >
      {(close) => (
        <CreateAgentForm
          templateName={templateName}
          versions={versions}
          initialVersion={initialVersion}
          onDone={(agentId) => {
            close()
            onCreated(agentId)
          }}
        />
      )}
    </FormDialog>
  )
}

function CreateAgentForm({
  templateName,
  versions,
  initialVersion,
  onDone,
}: {
  templateName: string
  versions: TemplateVersion[]
  initialVersion: string
  onDone: (agentId: string) => void
}) {
  const [version, setVersion] = useState(initialVersion)
  const [agentName, setAgentName] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const snapshot = useQuery(templateSnapshotQueryOptions(templateName, version))
  const create = useCreateAgentFromTemplate()
  const variables = snapshot.data?.variables ?? []

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    if (!snapshot.data) return setProblem('The version is still loading.')
    const empty = emptyVariables(variables, values)
    if (empty.length) return setProblem(`Fill in ${empty.join(', ')}.`)
    create.mutate(
      {
        name: templateName,
        version,
        agentName,
        variables: Object.fromEntries(variables.map((name) => [name, values[name] ?? ''])),
      },
      {
        onSuccess: (created) => {
          const agentId = created.agent_ids[0]
          toast.success(`Created agent ${agentName.trim() || (agentId ?? '')}`)
          if (agentId) onDone(agentId)
        },
        onError: (error) => setProblem(error.message),
      },
    )
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormField label="Version">
        <NativeSelect
          className="w-full"
          value={version}
          onChange={(event) => setVersion(event.target.value)}
        >
          {versions.map((item) => (
            <option key={item.version} value={item.version}>
              {`Version ${item.version}${item.is_latest ? ' (latest)' : ''}${
                item.message ? ` · ${item.message}` : ''
              }`}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Agent name" hint="Empty: the template's name and a random suffix.">
        <Input
          value={agentName}
          onChange={(event) => setAgentName(event.target.value)}
          autoComplete="off"
          maxLength={255}
        />
      </FormField>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Memory variables</legend>
        {snapshot.isPending && <p className="text-sm text-muted-foreground">Loading version…</p>}
        {snapshot.isError && (
          <p role="alert" className="text-sm text-destructive">
            Could not load version {version}: {snapshot.error.message}
          </p>
        )}
        {snapshot.data && variables.length === 0 && (
          <p className="text-sm text-muted-foreground">This version uses no variables.</p>
        )}
        {variables.map((name) => (
          <FormField key={name} label={<span className="font-mono">{name}</span>}>
            <Input
              value={values[name] ?? ''}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, [name]: event.target.value }))
              }
              autoComplete="off"
              maxLength={10_000}
              required
            />
          </FormField>
        ))}
      </fieldset>
      <FormActions problem={problem} pending={create.isPending} disabled={!snapshot.data}>
        Create agent
      </FormActions>
    </form>
  )
}
