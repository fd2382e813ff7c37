import { useQueryClient } from '@tanstack/react-query'
import { CheckCircle2Icon, Loader2Icon, XCircleIcon } from 'lucide-react'
import { useState } from 'react'

import { FormField } from '@/components/form-field'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { normalizeBaseUrl, setConnection, useConnection } from '@/lib/connection'
import {
  describeConnectionResult,
  testConnection,
  type ConnectionTestResult,
} from '@/lib/connection-test'
import { toast } from '@/lib/toast'

export function ConnectionPage() {
  const connection = useConnection()
  const queryClient = useQueryClient()
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl)
  const [password, setPassword] = useState(connection.password)
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<{ outcome: ConnectionTestResult; target: string } | null>(
    null,
  )

  const pageOrigin = window.location.origin
  const target = normalizeBaseUrl(baseUrl) || pageOrigin

  const runTest = async () => {
    setTesting(true)
    setResult(null)
    try {
      const outcome = await testConnection({ baseUrl, password, pageOrigin })
      setResult({ outcome, target })
      return outcome
    } finally {
      setTesting(false)
    }
  }

  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    const outcome = await runTest()
    if (outcome.kind !== 'ok') return
    setConnection({ baseUrl, password })
    // Answers cached from the previous server or password no longer hold.
    await queryClient.resetQueries()
    toast.success(`Connected to ${target}`)
  }

  const ok = result?.outcome.kind === 'ok'
  return (
    <>
      <PageHeader
        title="Connection"
        description="Which Letta server this console manages: the bundled server, a self-hosted Letta, or Letta Cloud."
      />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>Server</CardTitle>
          <CardDescription>
            Leave the address empty to use the server that serves this console ({pageOrigin}).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="grid gap-4" onSubmit={(event) => void save(event)}>
            <FormField label="Server address">
              <Input
                type="url"
                inputMode="url"
                placeholder={pageOrigin}
                value={baseUrl}
                onChange={(event) => setBaseUrl(event.target.value)}
                autoComplete="url"
              />
            </FormField>
            <FormField
              label="Password or API key"
              hint={
                <>
                  Sent as <code>Authorization: Bearer …</code> and kept in this browser.
                </>
              }
            >
              <Input
                type="password"
                placeholder="Only if the server asks for one"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
              />
            </FormField>
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                variant="outline"
                disabled={testing}
                onClick={() => void runTest()}
              >
                {testing && <Loader2Icon className="animate-spin" />}
                Test connection
              </Button>
              <Button type="submit" disabled={testing}>
                Save and connect
              </Button>
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
                  <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-success" />
                ) : (
                  <XCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" />
                )}
                <span>{describeConnectionResult(result.outcome, result.target)}</span>
              </div>
            )}
          </form>
        </CardContent>
      </Card>
    </>
  )
}
