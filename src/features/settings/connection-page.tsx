import { useState } from 'react'

import { PageHeader } from '@/components/page-header'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import {
  getConnection,
  removeConnection,
  saveConnection,
  useConnection,
  useConnections,
  type Connection,
} from '@/lib/connection'
import { toast } from '@/lib/toast'
import { useSwitchConnection } from '@/lib/use-switch-connection'

import { ConnectionForm } from './connection-form'
import { ConnectionsList } from './connections-list'
import { ServerCapabilities } from './server-capabilities'

export function ConnectionPage() {
  const active = useConnection()
  const connections = useConnections()
  const switchConnection = useSwitchConnection()
  const [editingId, setEditingId] = useState<string | undefined>(undefined)
  const editing = connections.find((connection) => connection.id === editingId)

  const save = async (connection: Connection) => {
    const saved = saveConnection(connection)
    setEditingId(undefined)
    // Saving the active connection reloads too: answers cached with its old address no longer hold.
    await switchConnection(saved.id, true)
    toast.success(`Connected to ${saved.name}`)
  }

  const use = async (connection: Connection) => {
    await switchConnection(connection.id)
    toast.success(`Connected to ${connection.name}`)
  }

  const remove = async (connection: Connection) => {
    const wasActive = getConnection().id === connection.id
    if (wasActive) await switchConnection('bundled')
    removeConnection(connection.id)
    if (editingId === connection.id) setEditingId(undefined)
    toast.success(`Removed ${connection.name}`)
  }

  return (
    <>
      <PageHeader
        title="Connection"
        description="Which Letta server this console manages: the bundled server, a self-hosted Letta, or Letta Cloud."
      />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Saved connections</CardTitle>
            <CardDescription>
              Switch between them here or from the header. They are kept in this browser.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ConnectionsList
              connections={connections}
              activeId={active.id}
              onUse={(connection) => void use(connection)}
              onEdit={(connection) => setEditingId(connection.id)}
              onRemove={(connection) => remove(connection)}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{editing ? `Edit ${editing.name}` : 'Add a connection'}</CardTitle>
            <CardDescription>
              The connection is tested before it is saved, and names what is wrong if it fails.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ConnectionForm
              key={editing?.id ?? 'new'}
              editing={editing}
              onSave={save}
              onCancel={() => setEditingId(undefined)}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What {active.name} offers</CardTitle>
            <CardDescription>
              Pages this server cannot serve are left out of the navigation; pages that work around
              a missing feature say so.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ServerCapabilities />
          </CardContent>
        </Card>
      </div>
    </>
  )
}
