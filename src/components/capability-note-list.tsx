import type { CapabilityName } from '@/lib/capabilities'
import { CAPABILITY_NOTES } from '@/lib/capability-notes'

/** What the server lacks, one line for each missing capability. */
export function CapabilityNoteList({
  names,
  className,
}: {
  names: readonly CapabilityName[]
  className?: string
}) {
  return (
    <ul className={className}>
      {names.map((name) => (
        <li key={name}>{CAPABILITY_NOTES[name]}</li>
      ))}
    </ul>
  )
}
