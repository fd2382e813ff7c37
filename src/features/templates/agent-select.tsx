import { ChoiceSelect } from '@/components/ui/choice-select'

export interface AgentChoice {
  id: string
  name: string
}

/** A choice among agents by name (undefined while they load); the rest goes to the select. */
export function AgentSelect({
  agents,
  error,
  value,
  onValueChange,
  ...select
}: {
  agents: AgentChoice[] | undefined
  error: Error | null
  value: string | undefined
  onValueChange: (value: string) => void
} & Omit<React.ComponentProps<'select'>, 'value' | 'onChange' | 'children'>) {
  if (error) {
    return <p className="text-sm text-destructive">Could not load the agents: {error.message}</p>
  }
  if (agents?.length === 0) {
    return <p className="text-sm text-muted-foreground">There are no agents to choose from.</p>
  }
  return (
    <ChoiceSelect
      {...select}
      choices={agents?.map((agent) => ({ value: agent.id, label: agent.name }))}
      placeholder={agents ? 'Choose an agent' : 'Loading agents…'}
      value={value}
      onValueChange={onValueChange}
    />
  )
}
