import type { UsageFigures } from './usage-from-steps'

/** A model's prices in US dollars per million tokens, as the user entered them. */
export interface ModelPrice {
  input: number
  output: number
  /** Input tokens served from the prompt cache; the input price when empty. */
  cachedInput?: number | undefined
}

export type PriceTable = Record<string, ModelPrice>

export const PRICES_STORAGE_KEY = 'letta-admin.usage-prices'
/** Models a table may price; more than any server has. */
export const MAX_PRICED_MODELS = 200
export const MAX_PRICE = 1_000_000

const isPrice = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE

/** The saved table; anything malformed in storage is dropped, not trusted. */
export function loadPrices(storage: Pick<Storage, 'getItem'> = localStorage): PriceTable {
  let parsed: unknown
  try {
    parsed = JSON.parse(storage.getItem(PRICES_STORAGE_KEY) ?? '{}')
  } catch {
    return {}
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
  const table: PriceTable = {}
  for (const [model, value] of Object.entries(parsed).slice(0, MAX_PRICED_MODELS)) {
    if (!value || typeof value !== 'object') continue
    const { input, output, cachedInput } = value as Record<string, unknown>
    if (!isPrice(input) || !isPrice(output)) continue
    table[model] = { input, output, ...(isPrice(cachedInput) && { cachedInput }) }
  }
  return table
}

export function savePrices(table: PriceTable, storage: Pick<Storage, 'setItem'> = localStorage) {
  storage.setItem(PRICES_STORAGE_KEY, JSON.stringify(table))
}

export interface CostEstimate {
  /** US dollars for the models that have a price. */
  cost: number
  pricedModels: string[]
  /** Models with tokens in the range but no price: their tokens are not in `cost`. */
  unpricedModels: string[]
}

/** The cost of each model's tokens at the user's prices. */
export function estimateCost(
  models: readonly (UsageFigures & { key: string | null })[],
  prices: PriceTable,
): CostEstimate {
  let cost = 0
  const pricedModels: string[] = []
  const unpricedModels: string[] = []
  for (const model of models) {
    const name = model.key ?? ''
    const price = model.key === null ? undefined : prices[model.key]
    if (!price) {
      if (model.total_tokens > 0) unpricedModels.push(name || '(no model)')
      continue
    }
    const cached = Math.min(model.cached_tokens, model.prompt_tokens)
    cost +=
      ((model.prompt_tokens - cached) * price.input +
        cached * (price.cachedInput ?? price.input) +
        model.completion_tokens * price.output) /
      1_000_000
    pricedModels.push(name)
  }
  return { cost, pricedModels, unpricedModels }
}
