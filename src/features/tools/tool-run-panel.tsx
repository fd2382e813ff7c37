import { useMemo, useState } from 'react'

import { useRunTool, type ToolRunResult } from '@/api/tools'
import { FormField } from '@/components/form-field'
import { LoaderCircleIcon, PlayIcon } from '@/components/icons'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icon'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { Textarea } from '@/components/ui/textarea'

import {
  argFields,
  argsToValues,
  initialArgValues,
  parseEnvVars,
  parseRawArgs,
  valuesToArgs,
  type ArgValues,
} from './args'
import { ArgsForm } from './args-form'

type Mode = 'form' | 'json'

const functionName = (schema: unknown) =>
  typeof schema === 'object' &&
  schema !== null &&
  'name' in schema &&
  typeof schema.name === 'string'
    ? schema.name
    : undefined

/** Runs the editor's current source, saved or not, with arguments from the schema's form. */
export function ToolRunPanel({
  sourceCode,
  schema,
  returnCharLimit,
}: {
  sourceCode: string
  schema: unknown
  returnCharLimit: number | undefined
}) {
  const fields = useMemo(() => argFields(schema), [schema])
  const [mode, setMode] = useState<Mode>('form')
  // Values of arguments the schema no longer has are kept, in case they come back.
  const [edited, setEdited] = useState<ArgValues>({})
  const values = { ...initialArgValues(fields), ...edited }
  const [rawText, setRawText] = useState('{}')
  const [envText, setEnvText] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [inputError, setInputError] = useState<string | null>(null)
  const run = useRunTool()

  const switchMode = (next: string) => {
    setInputError(null)
    if (next === 'json') {
      const result = valuesToArgs(fields, values)
      setRawText(JSON.stringify(result.ok ? result.args : {}, null, 2))
      setMode('json')
    } else if (next === 'form') {
      const parsed = parseRawArgs(rawText)
      if (!parsed.ok) {
        setInputError(parsed.error)
        return
      }
      setEdited(argsToValues(fields, parsed.args))
      setFieldErrors({})
      setMode('form')
    }
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setInputError(null)
    let args: Record<string, unknown>
    if (mode === 'form') {
      const result = valuesToArgs(fields, values)
      if (!result.ok) {
        setFieldErrors(result.errors)
        return
      }
      setFieldErrors({})
      args = result.args
    } else {
      const parsed = parseRawArgs(rawText)
      if (!parsed.ok) {
        setInputError(parsed.error)
        return
      }
      args = parsed.args
    }
    const env = parseEnvVars(envText)
    if (!env.ok) {
      setInputError(`Environment variables: ${env.error}`)
      return
    }
    run.mutate({
      source_code: sourceCode,
      args,
      env_vars: env.env,
      // The function the schema describes: the name the editor's source gives it now.
      name: functionName(schema),
      return_char_limit: returnCharLimit,
    })
  }

  return (
    <form className="grid gap-4" onSubmit={submit} aria-label="Run the tool">
      <Tabs value={mode} onValueChange={switchMode}>
        <TabsList>
          <TabsTrigger value="form">Form</TabsTrigger>
          <TabsTrigger value="json">JSON</TabsTrigger>
        </TabsList>
        <TabsContent value="form" className="pt-2">
          <ArgsForm
            fields={fields}
            values={values}
            errors={fieldErrors}
            onChange={(next) => setEdited(next)}
          />
        </TabsContent>
        <TabsContent value="json" className="pt-2">
          <FormField label="Arguments (a JSON object)" className="gap-1.5">
            <Textarea
              className="font-mono text-xs"
              rows={6}
              spellCheck={false}
              value={rawText}
              onChange={(event) => setRawText(event.target.value)}
            />
          </FormField>
        </TabsContent>
      </Tabs>
      <FormField label="Environment variables" className="gap-1.5">
        <Textarea
          className="font-mono text-xs"
          rows={2}
          spellCheck={false}
          placeholder="API_KEY=…  (one NAME=value per line)"
          value={envText}
          onChange={(event) => setEnvText(event.target.value)}
        />
      </FormField>
      {inputError && (
        <p role="alert" className="text-sm text-destructive">
          {inputError}
        </p>
      )}
      <Button type="submit" className="w-fit" disabled={run.isPending}>
        {run.isPending ? (
          <Icon node={LoaderCircleIcon} className="animate-spin" />
        ) : (
          <Icon node={PlayIcon} />
        )}
        Run
      </Button>
      {run.isError && (
        <p role="alert" className="text-sm text-destructive">
          {run.error.message}
        </p>
      )}
      {run.data && <RunResult result={run.data} />}
    </form>
  )
}

function Output({ label, text }: { label: string; text: string }) {
  return (
    <div className="grid gap-1">
      <h3 className="text-xs font-medium text-muted-foreground">{label}</h3>
      <pre
        aria-label={label}
        className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-2 font-mono text-xs whitespace-pre-wrap"
      >
        {text}
      </pre>
    </div>
  )
}

function RunResult({ result }: { result: ToolRunResult }) {
  const stdout = (result.stdout ?? []).join('')
  const stderr = (result.stderr ?? []).join('')
  return (
    <section aria-label="Run result" className="grid gap-3 rounded-lg border p-3">
      <div className="flex items-center gap-2 text-sm">
        Status
        <Badge variant={result.status === 'success' ? 'success' : 'destructive'}>
          {result.status}
        </Badge>
      </div>
      <Output label="Return value" text={result.tool_return} />
      {stdout && <Output label="stdout" text={stdout} />}
      {stderr && <Output label="stderr" text={stderr} />}
    </section>
  )
}
