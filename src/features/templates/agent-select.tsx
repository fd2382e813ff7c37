import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select'

export interface AgentChoice {
  id: string
  name: string
}

/** A choice among agents by name (undefined while they load); the rest goes to the trigger. */
export function AgentSelect({
  agents,
  error,
  value,
  onValueChange,
  ...trigger
}: {
  agents: AgentChoice[] | undefined
  error: Error | null
  value: string | undefined
  onValueChange: (value: string) => void
} & React.ComponentProps<typeof SelectTrigger>) {
  if (error) {
    return <p className="text-sm text-destructive">Could not load the agents: {error.message}</p>
  }
  if (agents?.length === 0) {
    return <p className="text-sm text-muted-foreground">There are no agents to choose from.</p>
  }
  return (
    <Select value={value} onValueChange={onValueChange} disabled={!agents}>
      <SelectTrigger {...trigger} className="w-full">
        <SelectValue placeholder={agents ? 'Choose an agent' : 'Loading agents…'} />
      </SelectTrigger>
      <SelectContent>
        {agents?.map((agent) => (
          <SelectItem key={agent.id} value={agent.id}>
            {agent.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  )
}
