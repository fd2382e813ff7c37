import { useId, useState } from 'react'

import { useUpdateBlock, type Block } from '@/api/agents'
import { LoaderCircleIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/lib/toast'
import { cn } from '@/lib/utils'

import { blockProblem, parseLimit } from './agent-form'

/** The agent's core memory, each block editable in place against its limit. */
export function MemoryBlocks({ agentId, blocks }: { agentId: string; blocks: Block[] }) {
  if (blocks.length === 0) {
    return <p className="text-sm text-muted-foreground">This agent has no memory blocks.</p>
  }
  return (
    <div className="grid gap-4">
      {blocks.map((block) => (
        // Keyed by the saved text too, so a save (or the agent's own edit) resets the draft.
        <BlockEditor
          key={`${block.id}:${block.value}:${block.limit}`}
          agentId={agentId}
          block={block}
        />
      ))}
    </div>
  )
}

function BlockEditor({ agentId, block }: { agentId: string; block: Block }) {
  const id = useId()
  const [value, setValue] = useState(block.value)
  const [limit, setLimit] = useState(String(block.limit))
  const [serverProblem, setServerProblem] = useState<string>()
  const update = useUpdateBlock(agentId)
  const problem = blockProblem({ key: 0, label: block.label, value, limit })
  const changed = value !== block.value || limit !== String(block.limit)
  const parsedLimit = parseLimit(limit)
  const shownLimit = parsedLimit ?? block.limit
  const over = value.length > shownLimit

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    setServerProblem(undefined)
    if (problem || parsedLimit === undefined) return
    update.mutate(
      { label: block.label, body: { value, limit: parsedLimit } },
      {
        onSuccess: () => toast.success(`Saved ${block.label}`),
        onError: (error) => setServerProblem(error.message),
      },
    )
  }

  const shownProblem = serverProblem ?? (changed ? problem : undefined)
  return (
    <form onSubmit={save} className="grid gap-2" aria-labelledby={`${id}-label`} noValidate>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${id}-label`} className="font-mono text-sm font-medium">
          {block.label}
        </h3>
        {block.read_only && <span className="text-xs text-muted-foreground">read-only</span>}
      </div>
      {block.description && <p className="text-xs text-muted-foreground">{block.description}</p>}
      <Label htmlFor={`${id}-value`} className="sr-only">
        Value of {block.label}
      </Label>
      <Textarea
        id={`${id}-value`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        readOnly={block.read_only}
        rows={4}
        aria-invalid={shownProblem ? true : undefined}
        aria-describedby={`${id}-count${shownProblem ? ` ${id}-problem` : ''}`}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
        <p
          id={`${id}-count`}
          className={cn('tabular-nums', over ? 'text-destructive' : 'text-muted-foreground')}
        >
          {value.length.toLocaleString('en')} / {shownLimit.toLocaleString('en')} characters
        </p>
        <div className="flex items-center gap-2">
          <Label htmlFor={`${id}-limit`} className="text-xs text-muted-foreground">
            Limit
          </Label>
          <Input
            id={`${id}-limit`}
            inputMode="numeric"
            className="h-8 w-24"
            value={limit}
            onChange={(event) => setLimit(event.target.value)}
            readOnly={block.read_only}
          />
          <Button
            type="submit"
            size="sm"
            disabled={!changed || update.isPending || block.read_only}
          >
            {update.isPending && <Icon node={LoaderCircleIcon} className="animate-spin" />}
            Save {block.label}
          </Button>
        </div>
      </div>
      {shownProblem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-destructive">
          {shownProblem}
        </p>
      )}
    </form>
  )
}
