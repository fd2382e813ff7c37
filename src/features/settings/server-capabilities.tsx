import { useCapabilities } from '@/api/capabilities'
import { CheckIcon, MinusIcon, XIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { CAPABILITIES, CAPABILITY_NAMES, type Availability } from '@/lib/capabilities'
import { CAPABILITY_NOTES } from '@/lib/capability-notes'

const AVAILABILITY_LABELS = { yes: 'Offered', no: 'Not offered', unknown: 'Could not tell' }

function availabilityKey(availability: Availability) {
  return availability === true ? 'yes' : availability === false ? 'no' : 'unknown'
}

/** What the active server serves, as detected on connecting, and what each missing piece means. */
export function ServerCapabilities() {
  const capabilities = useCapabilities()
  return (
    <div className="grid gap-3 text-sm">
      <p className="text-muted-foreground">
        {capabilities.version ? `Version ${capabilities.version}. ` : ''}
        {capabilities.isLettaAdmin ? 'A Letta Admin bundled server. ' : ''}
        Detected from{' '}
        {capabilities.detectedBy === 'openapi' ? 'its OpenAPI document' : 'one request per feature'}
        ; uploads are followed by{' '}
        {capabilities.uploadAnswer === 'job' ? 'their job' : "the file's processing status"}
        {capabilities.sourcesPath === '/v1/folders' ? ', and sources are reached as folders' : ''}.
      </p>
      <table className="w-full text-left">
        <caption className="sr-only">Features of the active server</caption>
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Feature
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 font-medium">
              What it means
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {CAPABILITY_NAMES.map((name) => {
            const key = availabilityKey(capabilities.has[name])
            const icon = key === 'yes' ? CheckIcon : key === 'no' ? XIcon : MinusIcon
            return (
              <tr key={name} data-testid={`capability-${name}`}>
                <th scope="row" className="py-1.5 pr-4 font-normal">
                  {CAPABILITIES[name].label}
                </th>
                <td className="py-1.5 pr-4 whitespace-nowrap">
                  <span className="inline-flex items-center gap-1">
                    <Icon node={icon} aria-hidden className="size-4" />
                    {AVAILABILITY_LABELS[key]}
                  </span>
                </td>
                <td className="py-1.5 text-muted-foreground">
                  {key === 'no' ? CAPABILITY_NOTES[name] : ''}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
