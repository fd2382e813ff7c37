import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { openApiDocumentOf } from './compat/bundled-document.ts'
import { DELIBERATE_DIFFERENCES } from './compat/deliberate-differences.ts'
import { compareDocuments, compareOperation, type OpenApiDocument } from './compat/openapi-diff.ts'

// Letta's published document sits beside the project (in CI too); without it there is nothing to compare.
const UPSTREAM = fileURLToPath(
  new URL('../../../shared/upstream/letta-openapi.json', import.meta.url),
)
const README = fileURLToPath(new URL('../../README.md', import.meta.url))

const upstream = () => JSON.parse(readFileSync(UPSTREAM, 'utf8')) as OpenApiDocument
const describeLine = (difference: { operation: string; what: string }) =>
  `${difference.operation} :: ${difference.what}`

describe.skipIf(!existsSync(UPSTREAM))("the bundled OpenAPI document against Letta's", () => {
  it('differs only where the README says it does on purpose', async () => {
    const { shared, differences } = compareDocuments(await openApiDocumentOf(), upstream())
    // The resources both serve: health, tools, sources, folders, jobs and embedding models.
    expect(shared.length).toBeGreaterThanOrEqual(35)
    const unexplained = differences
      .map(describeLine)
      .filter((line) => !DELIBERATE_DIFFERENCES.some((entry) => entry.matches.test(line)))
    expect(unexplained).toEqual([])
    const stale = DELIBERATE_DIFFERENCES.filter(
      (entry) => !differences.some((difference) => entry.matches.test(describeLine(difference))),
    ).map((entry) => entry.topic)
    expect(stale).toEqual([])
    const readme = readFileSync(README, 'utf8')
    for (const entry of DELIBERATE_DIFFERENCES) expect(readme, entry.topic).toContain(entry.topic)
  })

  it('finds a missing field, a required parameter and a type change', () => {
    const upstreamDocument: OpenApiDocument = {
      paths: {
        '/v1/things/': {
          get: {
            parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              size: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
              tags: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    }
    const ours: OpenApiDocument = {
      paths: {
        '/v1/things': {
          get: {
            parameters: [
              { name: 'limit', in: 'query', schema: { type: 'string' } },
              { name: 'kind', in: 'query', required: true, schema: { type: 'string' } },
            ],
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          size: { type: 'number' },
                          tags: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }
    const { shared, differences } = compareDocuments(ours, upstreamDocument)
    expect(shared).toEqual(['GET /v1/things'])
    expect(differences.map((difference) => difference.what)).toEqual([
      'query limit: type string here, number upstream',
      'query kind: required here, absent upstream',
      'response field tags: string here, array upstream',
    ])
    const operation = (document: OpenApiDocument) =>
      document.paths[Object.keys(document.paths)[0] ?? '']?.get as Parameters<
        typeof compareOperation
      >[1]
    expect(compareOperation(ours, operation(ours), ours, operation(ours), 'same')).toEqual([])
  })
})
