import { useId, useState } from 'react'

import { FormField } from '@/components/form-field'
import { CircleCheckIcon, CircleXIcon, LoaderCircleIcon } from '@/components/icons'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'
import {
  bundledServerUrl,
  CONNECTION_LIMITS,
  newConnectionId,
  normalizeBaseUrl,
  type Connection,
  type ConnectionKind,
} from '@/lib/connection'
import {
  describeConnectionResult,
  testConnection,
  type ConnectionTestResult,
} from '@/lib/connection-test'

const KIND_CHOICES: { kind: Exclude<ConnectionKind, 'bundled'>; label: string; hint: string }[] = [
  {
    kind: 'direct',
    label: 'Directly from this browser',
    hint: 'A self-hosted Letta or Letta Cloud that allows this origin; its secret is kept in this browser.',
  },
  {
    kind: 'proxied',
    label: 'Through a Letta Admin proxy',
    hint: 'A Letta Admin started with --upstream, which adds the key itself: no secret reaches the browser.',
  },
]

/** A new connection's or a saved one's fields, tested before they are saved. */
export function ConnectionForm({
  editing,
  onSave,
  onCancel,
}: {
  /** The saved connection being changed; undefined adds a new one. */
  editing: Connection | undefined
  onSave: (connection: Connection) => Promise<void>
  onCancel: () => void
}) {
  const isBundled = editing?.kind === 'bundled'
  const [kind, setKind] = useState<ConnectionKind>(editing?.kind ?? 'direct')
  const [name, setName] = useState(editing?.name ?? '')
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '')
  const [password, setPassword] = useState(editing?.password ?? '')
  const [projectId, setProjectId] = useState(editing?.projectId ?? '')
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<{ outcome: ConnectionTestResult; target: string } | null>(
    null,
  )
  const kindLegendId = useId()

  const pageOrigin = window.location.origin
  const target = isBundled ? bundledServerUrl() : normalizeBaseUrl(baseUrl) || bundledServerUrl()

  const runTest = async () => {
    setTesting(true)
    setResult(null)
    try {
      const outcome = await testConnection({
        baseUrl: isBundled ? '' : baseUrl,
        password,
        projectId: kind === 'direct' ? projectId : '',
        pageOrigin,
        bundledUrl: bundledServerUrl(),
      })
      setResult({ outcome, target })
      return outcome
    } finally {
      setTesting(false)
    }
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const outcome = await runTest()
    if (outcome.kind !== 'ok') return
    await onSave({
      id: editing?.id ?? newConnectionId(),
      kind,
      name,
      baseUrl: isBundled ? '' : normalizeBaseUrl(baseUrl) || bundledServerUrl(),
      password,
      projectId: kind === 'direct' ? projectId : '',
    })
  }

  const ok = result?.outcome.kind === 'ok'
  return (
    <form className="grid gap-4" onSubmit={(event) => void submit(event)}>
      {!isBundled && (
        <>
          <FormField
            label="Name"
            hint="How the connection is listed; the address's host if left empty."
          >
            <Input
              value={name}
              maxLength={CONNECTION_LIMITS.name}
              onChange={(event) => setName(event.target.value)}
              placeholder="Production Letta"
            />
          </FormField>
          <fieldset className="grid gap-2" aria-labelledby={kindLegendId}>
            <legend id={kindLegendId} className="text-sm font-medium">
              How the console reaches it
            </legend>
            {KIND_CHOICES.map((choice) => (
              <label key={choice.kind} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="connection-kind"
                  className="mt-1 size-4 accent-primary"
                  checked={kind === choice.kind}
                  onChange={() => setKind(choice.kind)}
                />
                <span>
                  {choice.label}
                  <span className="block text-xs text-muted-foreground">{choice.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <FormField
            label="Server address"
            hint="For example letta.example.com:8283 or https://api.letta.com; without a scheme, http:// is used."
          >
            <Input
              type="text"
              inputMode="url"
              spellCheck={false}
              autoCapitalize="off"
              placeholder={pageOrigin}
              value={baseUrl}
              maxLength={CONNECTION_LIMITS.baseUrl}
              onChange={(event) => setBaseUrl(event.target.value)}
              autoComplete="url"
            />
          </FormField>
        </>
      )}
      <FormField
        label={kind === 'proxied' ? "The proxy's own password" : 'Password or API key'}
        hint={
          kind === 'proxied' ? (
            'Only if the proxying Letta Admin was started with --password; the upstream key stays on that server.'
          ) : (
            <>
              Sent as <code>Authorization: Bearer …</code> and kept in this browser.
            </>
          )
        }
      >
        <Input
          type="password"
          placeholder="Only if the server asks for one"
          value={password}
          maxLength={CONNECTION_LIMITS.password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
        />
      </FormField>
      {kind === 'direct' && (
        <FormField label="Project id" hint="Letta Cloud only: sent as X-Project-Id.">
          <Input
            value={projectId}
            maxLength={CONNECTION_LIMITS.projectId}
            onChange={(event) => setProjectId(event.target.value)}
            spellCheck={false}
          />
        </FormField>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={testing} onClick={() => void runTest()}>
          {testing && <Icon node={LoaderCircleIcon} className="animate-spin" />}
          Test connection
        </Button>
        <Button type="submit" disabled={testing}>
          Save and connect
        </Button>
        {editing && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      {result && (
        <div
          role={ok ? 'status' : 'alert'}
          data-testid="connection-result"
          className={
            ok
              ? 'flex items-start gap-2 rounded-md border border-success/40 bg-success/10 p-3 text-sm'
              : 'flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm'
          }
        >
          {ok ? (
            <Icon node={CircleCheckIcon} className="mt-0.5 size-4 shrink-0 text-success" />
          ) : (
            <Icon node={CircleXIcon} className="mt-0.5 size-4 shrink-0 text-destructive" />
          )}
          <span>{describeConnectionResult(result.outcome, result.target)}</span>
        </div>
      )}
    </form>
  )
}
