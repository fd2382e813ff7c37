import { useState } from 'react'

import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'

import { MAX_PRICE, type ModelPrice, type PriceTable } from './usage-prices'

interface PriceRow {
  input: string
  output: string
  cachedInput: string
}

const toRow = (price: ModelPrice | undefined): PriceRow => ({
  input: price ? String(price.input) : '',
  output: price ? String(price.output) : '',
  cachedInput: price?.cachedInput === undefined ? '' : String(price.cachedInput),
})

function parsePrice(text: string): number | undefined | 'invalid' {
  if (!text.trim()) return undefined
  const value = Number(text)
  return Number.isFinite(value) && value >= 0 && value <= MAX_PRICE ? value : 'invalid'
}

/**
 * The user's price per million tokens for each model in the range (and any priced before), kept in
 * this browser. A model with no input or output price is left out of the estimate.
 */
export function PriceDialog({
  open,
  onOpenChange,
  models,
  prices,
  onSave,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  models: readonly string[]
  prices: PriceTable
  onSave: (prices: PriceTable) => void
}) {
  const names = [...new Set([...models, ...Object.keys(prices)])].sort()
  const [rows, setRows] = useState<Record<string, PriceRow>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const rowOf = (name: string) => rows[name] ?? toRow(prices[name])
  const edit = (name: string, field: keyof PriceRow, value: string) =>
    setRows((current) => ({ ...current, [name]: { ...rowOf(name), [field]: value } }))

  const save = () => {
    const table: PriceTable = {}
    for (const name of names) {
      const row = rowOf(name)
      const input = parsePrice(row.input)
      const output = parsePrice(row.output)
      const cachedInput = parsePrice(row.cachedInput)
      if (input === 'invalid' || output === 'invalid' || cachedInput === 'invalid') {
        setProblem(`Prices for ${name} must be numbers from 0 to ${MAX_PRICE}.`)
        return
      }
      if (input === undefined && output === undefined) continue
      table[name] = {
        input: input ?? 0,
        output: output ?? 0,
        ...(cachedInput !== undefined && { cachedInput }),
      }
    }
    setProblem(null)
    onSave(table)
    onOpenChange(false)
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setRows({})
          setProblem(null)
        }
        onOpenChange(next)
      }}
    >
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Model prices</DialogTitle>
          <DialogDescription>
            US dollars per million tokens, as your provider charges them. They stay in this browser
            and only feed the estimate; leave a model empty to leave it out.
          </DialogDescription>
        </DialogHeader>
        <form
          id="price-form"
          onSubmit={(event) => {
            event.preventDefault()
            save()
          }}
        >
          {names.length === 0 ? (
            <p className="text-sm text-muted-foreground">No model has used tokens in this range.</p>
          ) : (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="pb-2 font-medium">Model</th>
                  <th className="pb-2 font-medium">Input</th>
                  <th className="pb-2 font-medium">Cached input</th>
                  <th className="pb-2 font-medium">Output</th>
                </tr>
              </thead>
              <tbody>
                {names.map((name) => (
                  <tr key={name}>
                    <th
                      scope="row"
                      className="max-w-48 truncate py-1 pr-2 text-left font-mono font-normal"
                    >
                      {name}
                    </th>
                    {(['input', 'cachedInput', 'output'] as const).map((field) => (
                      <td key={field} className="py-1 pr-2">
                        <Input
                          inputMode="decimal"
                          aria-label={`${name}: ${field === 'cachedInput' ? 'cached input' : field} price per million tokens`}
                          value={rowOf(name)[field]}
                          maxLength={12}
                          onChange={(event) => edit(name, field, event.target.value)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {problem && (
            <p role="alert" className="mt-3 text-sm text-destructive">
              {problem}
            </p>
          )}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="price-form">
            Save prices
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
