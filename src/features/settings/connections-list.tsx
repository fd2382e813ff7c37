import { ConfirmDialog } from '@/components/confirm-dialog'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { serverUrl, type Connection } from '@/lib/connection'

const KIND_LABELS: Record<Connection['kind'], string> = {
  bundled: 'Bundled',
  direct: 'Direct',
  proxied: 'Proxied',
}

/** Every saved connection, with the active one marked, each to use, edit or remove. */
export function ConnectionsList({
  connections,
  activeId,
  onUse,
  onEdit,
  onRemove,
}: {
  connections: Connection[]
  activeId: string
  onUse: (connection: Connection) => void
  onEdit: (connection: Connection) => void
  onRemove: (connection: Connection) => void
}) {
  return (
    <ul className="divide-y" aria-label="Saved connections">
      {connections.map((connection) => {
        const active = connection.id === activeId
        return (
          <li
            key={connection.id}
            className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3"
            data-testid="saved-connection"
          >
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="truncate font-medium">{connection.name}</span>
                <Badge variant="outline">{KIND_LABELS[connection.kind]}</Badge>
                {active && <Badge variant="success">Active</Badge>}
              </div>
              <div className="truncate font-mono text-xs text-muted-foreground">
                {serverUrl(connection)}
              </div>
            </div>
            <div className="flex gap-2">
              {!active && (
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => onUse(connection)}
                  aria-label={`Use ${connection.name}`}
                >
                  Use
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onEdit(connection)}
                aria-label={`Edit ${connection.name}`}
              >
                Edit
              </Button>
              {connection.kind !== 'bundled' && (
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="ghost" aria-label={`Remove ${connection.name}`}>
                      Remove
                    </Button>
                  }
                  title={`Remove ${connection.name}?`}
                  description={
                    active
                      ? 'The console goes back to the bundled server. Its password or key is forgotten by this browser; the server itself is not changed.'
                      : 'Its password or key is forgotten by this browser; the server itself is not changed.'
                  }
                  confirmLabel="Remove"
                  variant="destructive"
                  onConfirm={() => onRemove(connection)}
                />
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
