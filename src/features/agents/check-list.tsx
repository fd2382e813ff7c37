import { useId } from 'react'

/** A group of checkboxes choosing some of the options, by id. */
export function CheckList({
  legend,
  empty,
  options,
  selected,
  onChange,
}: {
  legend: string
  empty: string
  options: { id: string; label: string }[]
  selected: string[]
  onChange: (ids: string[]) => void
}) {
  const id = useId()
  const toggle = (optionId: string, checked: boolean) =>
    onChange(checked ? [...selected, optionId] : selected.filter((other) => other !== optionId))
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="grid max-h-40 gap-1.5 overflow-y-auto rounded-md border p-2">
          {options.map((option) => (
            <li key={option.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                id={`${id}-${option.id}`}
                className="size-4 accent-primary"
                checked={selected.includes(option.id)}
                onChange={(event) => toggle(option.id, event.target.checked)}
              />
              <label htmlFor={`${id}-${option.id}`} className="truncate">
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
