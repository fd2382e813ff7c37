import { createFileRoute } from '@tanstack/react-router'

import { ConnectionPage } from '@/features/settings/connection-page'

export const Route = createFileRoute('/settings/connection')({
  component: ConnectionPage,
})
