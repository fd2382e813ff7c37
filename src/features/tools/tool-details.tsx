import type { Tool } from '@/api/tools'
import { DetailItem, DetailList } from '@/components/detail-list'

import { toolTypeLabel } from './tool-types'

/** Who made the tool and what it is, as the server records it. */
export function ToolDetails({ tool }: { tool: Tool }) {
  const requirements = (tool.pip_requirements ?? [])
    .map((requirement) =>
      requirement.version ? `${requirement.name}==${requirement.version}` : requirement.name,
    )
    .join(', ')
  const rows: [string, string | null | undefined, boolean][] = [
    ['ID', tool.id, true],
    ['Type', `${toolTypeLabel(tool.tool_type)} (${tool.tool_type})`, false],
    ['Source type', tool.source_type, false],
    ['Created by', tool.created_by_id, true],
    ['Last updated by', tool.last_updated_by_id, true],
    ['Pip requirements', requirements || null, true],
  ]
  return (
    <DetailList>
      {rows.map(([label, value, mono]) => (
        <DetailItem key={label} label={label} mono={mono}>
          {value || <span className="text-muted-foreground">—</span>}
        </DetailItem>
      ))}
    </DetailList>
  )
}
