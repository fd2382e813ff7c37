import { describe, expect, it } from 'vitest'

import {
  argFields,
  argsToValues,
  initialArgValues,
  optionKey,
  parseEnvVars,
  parseRawArgs,
  valuesToArgs,
} from './args'

const schema = {
  name: 'plan_trip',
  description: 'Plan a trip.',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'Where to go.' },
      days: { type: 'integer', description: 'How long.' },
      budget: { type: 'number', description: 'How much.' },
      flexible: { type: 'boolean', description: 'Dates may move.' },
      pace: { type: 'string', enum: ['slow', 'fast'], description: 'How busy.' },
      stops: { type: 'array', items: { type: 'string' }, description: 'Places.' },
      prefs: { type: 'object', description: 'Anything else.' },
      note: { type: ['string', 'null'], description: 'Optional note.' },
    },
    required: ['city', 'days', 'flexible', 'pace'],
  },
}

describe('argFields', () => {
  it('reads each property as a field of the right kind', () => {
    const fields = argFields(schema)
    expect(fields.map((field) => [field.name, field.kind, field.required])).toEqual([
      ['city', 'string', true],
      ['days', 'integer', true],
      ['budget', 'number', false],
      ['flexible', 'boolean', true],
      ['pace', 'enum', true],
      ['stops', 'json', false],
      ['prefs', 'json', false],
      ['note', 'string', false],
    ])
    expect(fields.find((field) => field.name === 'stops')?.jsonType).toBe('array')
    expect(fields.find((field) => field.name === 'pace')?.options).toEqual(['slow', 'fast'])
    expect(fields[0]?.description).toBe('Where to go.')
  })

  it('accepts a bare parameters object and tolerates junk', () => {
    expect(argFields(schema.parameters)).toHaveLength(8)
    expect(argFields(null)).toEqual([])
    expect(argFields({ parameters: { properties: 'nope' } })).toEqual([])
  })
})

describe('valuesToArgs', () => {
  const fields = argFields(schema)

  it('converts every kind, leaving empty optional fields out', () => {
    const values = {
      ...initialArgValues(fields),
      city: 'Lisbon',
      days: ' 4 ',
      budget: '1200.5',
      pace: optionKey('slow'),
      stops: '["Sintra", "Porto"]',
    }
    expect(valuesToArgs(fields, values)).toEqual({
      ok: true,
      args: {
        city: 'Lisbon',
        days: 4,
        budget: 1200.5,
        flexible: false,
        pace: 'slow',
        stops: ['Sintra', 'Porto'],
      },
    })
  })

  it('names each field that is wrong', () => {
    const values = {
      ...initialArgValues(fields),
      days: '2.5',
      budget: 'lots',
      stops: '{"a": 1}',
      prefs: '{bad json',
    }
    expect(valuesToArgs(fields, values)).toEqual({
      ok: false,
      errors: {
        days: 'Enter a whole number',
        budget: 'Enter a number',
        pace: 'Required',
        stops: 'Enter a JSON array, e.g. ["a", "b"]',
        prefs: 'Enter valid JSON',
      },
    })
  })

  it('sends an empty required string as ""', () => {
    const [city] = argFields(schema)
    if (!city) throw new Error('no field')
    expect(valuesToArgs([city], { city: '' })).toEqual({ ok: true, args: { city: '' } })
  })
})

describe('argsToValues', () => {
  const fields = argFields(schema)

  it('round-trips arguments through the form', () => {
    const args = {
      city: 'Oslo',
      days: 3,
      budget: 99.9,
      flexible: true,
      pace: 'fast',
      stops: ['Bergen'],
      prefs: { food: 'fish' },
      note: 'hi',
    }
    expect(valuesToArgs(fields, argsToValues(fields, args))).toEqual({ ok: true, args })
  })

  it('drops values that do not fit their field', () => {
    const values = argsToValues(fields, { days: 'three', pace: 'medium', flexible: 'yes' })
    expect(values.days).toBe('')
    expect(values.pace).toBe('')
    expect(values.flexible).toBe('')
  })
})

describe('parseRawArgs', () => {
  it('accepts a JSON object or nothing', () => {
    expect(parseRawArgs('{"x": 1}')).toEqual({ ok: true, args: { x: 1 } })
    expect(parseRawArgs('  ')).toEqual({ ok: true, args: {} })
  })

  it('rejects anything else with a reason', () => {
    expect(parseRawArgs('[1]')).toEqual({
      ok: false,
      error: 'The arguments must be a JSON object, e.g. {"x": 1}',
    })
    const bad = parseRawArgs('{x: 1}')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/^Invalid JSON: /)
  })
})

describe('parseEnvVars', () => {
  it('reads NAME=value lines, skipping blanks and comments', () => {
    expect(parseEnvVars('API_KEY=abc=def\n\n# note\n  REGION = eu ')).toEqual({
      ok: true,
      env: { API_KEY: 'abc=def', REGION: ' eu' },
    })
  })

  it('names the line that is not NAME=value', () => {
    expect(parseEnvVars('A=1\nnot a pair')).toEqual({
      ok: false,
      error: 'Line 2: expected NAME=value',
    })
    expect(parseEnvVars('1BAD=x')).toEqual({ ok: false, error: 'Line 1: expected NAME=value' })
  })
})
