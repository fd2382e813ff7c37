import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'

import { llmModelsQueryOptions, useCreateAgent } from '@/api/agents'
import { sourcesQueryOptions } from '@/api/sources'
import { toolsInfiniteQueryOptions } from '@/api/tools'
import { FormActions } from '@/components/form-actions'
import { FormField } from '@/components/form-field'
import { PlusIcon, XIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { ChoiceSelect } from '@/components/ui/choice-select'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/lib/toast'

import {
  blockProblem,
  DEFAULT_BLOCK_LIMIT,
  initialBlocks,
  MAX_BLOCK_LIMIT,
  toAgentCreate,
  type BlockDraft,
} from './agent-form'
import { CheckList } from './check-list'

/** The new agent form; the dialog that holds it loads it when first opened. */
export function CreateAgentForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate()
  const models = useQuery(llmModelsQueryOptions())
  const tools = useInfiniteQuery(toolsInfiniteQueryOptions({ search: '', toolTypes: ['custom'] }))
  const sources = useQuery(sourcesQueryOptions())
  const [name, setName] = useState('')
  const [model, setModel] = useState<string>()
  const [system, setSystem] = useState('')
  const [blocks, setBlocks] = useState(initialBlocks)
  const [toolIds, setToolIds] = useState<string[]>([])
  const [sourceIds, setSourceIds] = useState<string[]>([])
  const [tags, setTags] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const create = useCreateAgent()

  const chosenModel = model ?? models.data?.[0]?.handle
  const toolOptions =
    tools.data?.pages.flat().map((tool) => ({ id: tool.id, label: tool.name })) ?? []
  const sourceOptions = sources.data?.map((source) => ({ id: source.id, label: source.name })) ?? []

  const editBlock = (key: number, patch: Partial<BlockDraft>) =>
    setBlocks((all) => all.map((block) => (block.key === key ? { ...block, ...patch } : block)))
  const addBlock = () =>
    setBlocks((all) => [
      ...all,
      { key: Math.max(0, ...all.map((block) => block.key)) + 1, label: '', value: '', limit: '' },
    ])

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    const result = toAgentCreate({
      name,
      model: chosenModel,
      system,
      blocks,
      toolIds,
      sourceIds,
      tags,
    })
    if (!result.ok) return setProblem(result.reason)
    create.mutate(result.body, {
      onSuccess: (agent) => {
        toast.success(`Created ${agent.name}`)
        onDone()
        void navigate({ to: '/agents/$agentId', params: { agentId: agent.id } })
      },
      onError: (error) => setProblem(error.message),
    })
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name">
          <Input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="support-bot"
            autoComplete="off"
            maxLength={255}
            required
            autoFocus
          />
        </FormField>
        <FormField
          label="Model"
          hint={
            models.data?.length === 0
              ? 'The server has no model: start it with --llm-endpoint (and --llm-model).'
              : undefined
          }
        >
          {models.isError ? (
            <p className="text-sm text-destructive">
              Could not load the server&apos;s models: {models.error.message}
            </p>
          ) : (
            <ChoiceSelect
              aria-label="Model"
              choices={models.data?.map((option) => ({
                value: option.handle,
                label: option.handle,
              }))}
              placeholder={
                models.isPending
                  ? 'Loading models…'
                  : models.data.length
                    ? 'Choose a model'
                    : 'No models on this server'
              }
              value={chosenModel}
              onValueChange={setModel}
            />
          )}
        </FormField>
      </div>
      <FormField label="System prompt" hint="Empty uses the server's default prompt.">
        <Textarea
          value={system}
          onChange={(event) => setSystem(event.target.value)}
          rows={3}
          maxLength={100_000}
        />
      </FormField>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">Memory blocks</legend>
        {blocks.map((block, index) => (
          <BlockFields
            key={block.key}
            block={block}
            position={index + 1}
            onChange={(patch) => editBlock(block.key, patch)}
            onRemove={() => setBlocks((all) => all.filter((other) => other.key !== block.key))}
          />
        ))}
        <Button type="button" variant="outline" size="sm" className="w-fit" onClick={addBlock}>
          <Icon node={PlusIcon} />
          Add a block
        </Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <CheckList
          legend="Tools"
          empty={tools.isPending ? 'Loading tools…' : 'No custom tools yet.'}
          options={toolOptions}
          selected={toolIds}
          onChange={setToolIds}
        />
        <CheckList
          legend="Sources"
          empty={sources.isPending ? 'Loading sources…' : 'No sources yet.'}
          options={sourceOptions}
          selected={sourceIds}
          onChange={setSourceIds}
        />
      </div>
      <FormField label="Tags" hint="Separated by commas.">
        <Input
          value={tags}
          onChange={(event) => setTags(event.target.value)}
          placeholder="support, beta"
          autoComplete="off"
        />
      </FormField>
      <FormActions problem={problem} pending={create.isPending}>
        Create agent
      </FormActions>
    </form>
  )
}

function BlockFields({
  block,
  position,
  onChange,
  onRemove,
}: {
  block: BlockDraft
  position: number
  onChange: (patch: Partial<BlockDraft>) => void
  onRemove: () => void
}) {
  const problem = block.value || block.limit ? blockProblem(block) : undefined
  const name = block.label.trim() || `block ${position}`
  return (
    <div className="grid gap-2 rounded-md border p-3" role="group" aria-label={`Block ${name}`}>
      <div className="grid grid-cols-[1fr_8rem_auto] items-end gap-2">
        <FormField label="Label">
          <Input
            value={block.label}
            onChange={(event) => onChange({ label: event.target.value })}
            maxLength={255}
            autoComplete="off"
          />
        </FormField>
        <FormField label="Limit">
          <Input
            inputMode="numeric"
            value={block.limit}
            onChange={(event) => onChange({ limit: event.target.value })}
            placeholder={String(DEFAULT_BLOCK_LIMIT)}
            title={`Characters, up to ${MAX_BLOCK_LIMIT.toLocaleString('en')}`}
          />
        </FormField>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
        >
          <Icon node={XIcon} />
        </Button>
      </div>
      <FormField label="Value" error={problem}>
        <Textarea
          value={block.value}
          onChange={(event) => onChange({ value: event.target.value })}
          rows={2}
        />
      </FormField>
    </div>
  )
}
