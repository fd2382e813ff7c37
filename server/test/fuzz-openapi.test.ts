import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import type { LettaAdminApp } from '../app.ts'
import { PATH_ID_PREFIXES } from '../routes/schemas/common.ts'
import { createTestApp, json } from './helpers.ts'
import { createSource, ingest } from './sources-helpers.ts'

/**
 * Requests generated from the server's own OpenAPI document, so every operation (new ones too) is
 * fuzzed: valid-looking and broken parameters and bodies, with a fixed seed so a failure repeats.
 */

type Schema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  minimum?: number
  maximum?: number
  maxLength?: number
  pattern?: string
  additionalProperties?: Schema | boolean
}
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  schema: Schema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: Schema }> }
}
interface Document {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

const SEED = 0x5eed1e55
const REQUESTS_PER_OPERATION = 70
/** Each accepted run starts Python: a few are enough to cover the route. */
const RUN_REQUESTS = 12

function mulberry32(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '..',
  '.',
  '%2e%2e',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u0000',
  '🙂'.repeat(40),
  'x'.repeat(300),
  'y'.repeat(60_000),
  'source-00000000-0000-4000-8000-000000000000',
  'tool-ZZZ',
  '-1',
  'NaN',
  'true',
  '[]',
  '{}',
]
const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  0,
  1.5,
  2 ** 53,
  -(2 ** 31),
  true,
  [],
  {},
  [null],
  { a: { b: { c: [] } } },
  ...HOSTILE_STRINGS,
]
// Callback URLs that are refused before anything is sent: the fuzzer reaches no other server.
const CALLBACK_URLS = ['not a url', 'ftp://example.invalid/x', 'javascript:alert(1)', '']

class Generator {
  readonly random: () => number
  constructor(
    seed: number,
    private readonly document: Document,
    private readonly ids: Record<string, string[]>,
  ) {
    this.random = mulberry32(seed)
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }

  chance(p: number): boolean {
    return this.random() < p
  }

  resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema
    const name = schema.$ref.split('/').pop() ?? ''
    return this.document.components.schemas[name] ?? {}
  }

  idFor(prefix: string): string {
    const known = this.ids[prefix] ?? []
    if (known.length && this.chance(0.6)) return this.pick(known)
    const hex = () => Math.floor(this.random() * 16).toString(16)
    const part = (n: number) => Array.from({ length: n }, hex).join('')
    return `${prefix}-${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`
  }

  value(input: Schema, depth = 0): unknown {
    if (this.chance(0.12)) return this.pick(HOSTILE_VALUES)
    const schema = this.resolve(input)
    const choices = schema.anyOf ?? schema.oneOf
    if (choices?.length) return this.value(this.pick(choices), depth)
    if (schema.enum?.length) return this.pick(schema.enum)
    const type = Array.isArray(schema.type) ? this.pick(schema.type) : schema.type
    switch (type) {
      case 'string': {
        const prefix = schema.pattern?.match(/^\^([a-z]+)-\[0-9a-f\]/)?.[1]
        if (prefix) return this.idFor(prefix)
        if (this.chance(0.2)) return this.pick(HOSTILE_STRINGS)
        return `value ${Math.floor(this.random() * 1000)}`
      }
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -10
        const max = Math.min(schema.maximum ?? 100_000, min + 100_000)
        const n = min + this.random() * (max - min)
        return type === 'integer' ? Math.round(n) : n
      }
      case 'boolean':
        return this.chance(0.5)
      case 'null':
        return null
      case 'array':
        if (depth > 4) return []
        return Array.from({ length: Math.floor(this.random() * 3) }, () =>
          this.value(schema.items ?? {}, depth + 1),
        )
      case 'object':
      default: {
        if (depth > 4) return {}
        const result: Record<string, unknown> = {}
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          const required = schema.required?.includes(key) ?? false
          if (required ? this.chance(0.95) : this.chance(0.5)) {
            result[key] = this.value(property, depth + 1)
          }
        }
        if (this.chance(0.1)) result[`extra_${Math.floor(this.random() * 10)}`] = 'unexpected'
        return result
      }
    }
  }

  pathValue(parameter: Parameter): string {
    const prefix = (PATH_ID_PREFIXES as Record<string, string>)[parameter.name]
    if (prefix && this.chance(0.7)) return this.idFor(prefix)
    if (this.chance(0.3)) return encodeURIComponent(this.pick(HOSTILE_STRINGS)) || 'x'
    const value = this.value(parameter.schema)
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value)) || 'x'
  }

  queryValue(parameter: Parameter): string[] {
    if (parameter.name === 'callback_url') return [this.pick(CALLBACK_URLS)]
    const value = this.value(parameter.schema)
    if (Array.isArray(value)) return value.map((item) => String(item))
    return [typeof value === 'string' ? value : JSON.stringify(value)]
  }

  body(content: Record<string, { schema: Schema }>): {
    headers: Record<string, string>
    body?: RequestInit['body']
  } {
    if (content['multipart/form-data']) {
      const form = new FormData()
      if (this.chance(0.85)) {
        const name = this.pick([
          'notes.txt',
          'data.json',
          'page.html',
          'x.exe',
          '',
          '../up.md',
          'a.csv',
        ])
        const text = this.pick([
          'Some text to index.',
          '',
          '{"a": [1, 2]}',
          '\u0000\u0001binary',
          '<p>hi</p>',
          '[[[[[[[[[[',
        ])
        form.append(
          'file',
          new File([text], name, {
            type: this.pick(['', 'text/plain', 'application/json', 'image/png']),
          }),
        )
      } else if (this.chance(0.5)) {
        form.append('file', 'not a file')
      }
      return { headers: {}, body: form }
    }
    const schema = content['application/json']?.schema ?? {}
    const roll = this.random()
    if (roll < 0.08)
      return { headers: { 'content-type': 'application/json' }, body: '{"unterminated": ' }
    if (roll < 0.12) return { headers: { 'content-type': 'text/plain' }, body: 'plain words' }
    if (roll < 0.15)
      return { headers: { 'content-type': 'application/json' }, body: '['.repeat(5000) }
    if (roll < 0.18) return { headers: {} }
    return {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.value(schema)),
    }
  }
}

/** Every stored row, hashed: what a refused request must leave exactly as it was. */
function storedState(server: LettaAdminApp): string {
  const hash = createHash('sha256')
  const tables = server.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[]
  for (const { name } of tables) {
    hash.update(name)
    for (const row of server.db.prepare(`SELECT * FROM "${name}"`).iterate()) {
      hash.update(
        JSON.stringify(row, (_, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('base64') : value,
        ),
      )
    }
  }
  return hash.digest('hex')
}

async function waitForIdle(server: LettaAdminApp): Promise<void> {
  const deadline = Date.now() + 15_000
  while ((await json<unknown[]>(server.app.request('/v1/jobs/active'))).length > 0) {
    if (Date.now() > deadline) throw new Error('ingestion did not settle')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('never answers 5xx, always explains a 4xx, keeps health answering and refused requests change nothing', async () => {
    const server = createTestApp({ toolTimeoutSeconds: 2 })
    const { app } = server
    const document = await json<Document>(app.request('/openapi.json'))
    const source = await createSource(app)
    const { file, job } = await ingest(app, source.id, { name: 'seed.txt', data: 'Seed text.' })
    const tool = await json<{ id: string }>(
      app.request('/v1/tools', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source_code: 'def seed(x: int) -> int:\n    """Seed."""\n    return x\n',
        }),
      }),
    )
    const ids = { source: [source.id], file: [file.id], job: [job.id], tool: [tool.id] }
    const generator = new Generator(SEED, document, ids)

    const failures: string[] = []
    let sent = 0
    let state = storedState(server)
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const count = path === '/v1/tools/run' ? RUN_REQUESTS : REQUESTS_PER_OPERATION
        for (let i = 0; i < count; i++) {
          const parameters = operation.parameters ?? []
          let url = path
          const query = new URLSearchParams()
          for (const parameter of parameters) {
            if (parameter.in === 'path') {
              url = url.replace(`{${parameter.name}}`, generator.pathValue(parameter))
            } else if (parameter.in === 'query' && generator.chance(0.4)) {
              for (const value of generator.queryValue(parameter))
                query.append(parameter.name, value)
            }
          }
          const { headers, body } = operation.requestBody
            ? generator.body(operation.requestBody.content)
            : { headers: {}, body: undefined }
          const target = `${url}${query.size ? `?${query}` : ''}`
          const response = await app.request(target, {
            method: method.toUpperCase(),
            headers,
            body,
          })
          sent++
          const what = `${method.toUpperCase()} ${target.slice(0, 200)} -> ${response.status}`
          const text = await response.text()
          if (response.status >= 500) failures.push(`${what}: ${text.slice(0, 200)}`)
          if (response.status >= 400 && response.status < 500) {
            let detail: unknown
            try {
              detail = (JSON.parse(text) as { detail?: unknown }).detail
            } catch {
              detail = undefined
            }
            if (typeof detail !== 'string')
              failures.push(`${what}: no {detail} in ${text.slice(0, 200)}`)
            const after = storedState(server)
            if (after !== state) failures.push(`${what}: a refused request changed stored data`)
            state = after
          } else {
            await waitForIdle(server)
            state = storedState(server)
          }
          if (sent % 100 === 0) {
            const asked = performance.now()
            const health = await app.request('/v1/health')
            if (health.status !== 200 || performance.now() - asked > 1000) {
              failures.push(`health after ${sent} requests: ${health.status}`)
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(2000)
    expect(failures.slice(0, 20)).toEqual([])
  }, 90_000)
})
