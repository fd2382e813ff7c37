import { NativeSelect } from '@/components/ui/native-select'

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
} & Omit<React.ComponentProps<typeof NativeSelect>, 'value' | 'onChange'>) {
  if (error) {
    return <p className="text-sm text-destructive">Could not load the agents: {error.message}</p>
  }
  if (agents?.length === 0) {
    return <p className="text-sm text-muted-foreground">There are no agents to choose from.</p>
  }
  return (
    <NativeSelect
      {...select}
      className="w-full"
      value={value ?? ''}
      onChange={(event) => onValueChange(event.target.value)}
      disabled={!agents}
    >
      <option value="" disabled>
        {agents ? 'Choose an agent' : 'Loading agents…'}
      </option>
      {agents?.map((agent) => (
        <option key={agent.id} value={agent.id}>
          {agent.name}
        </option>
      ))}
    </NativeSelect>
  )
}
