import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { healthQueryOptions } from '@/api/health'
import { DetailItem, DetailList } from '@/components/detail-list'
import { PageHeader } from '@/components/page-header'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { serverUrl, useConnection } from '@/lib/connection'

import { ResourceCounts } from './resource-counts'

export function OverviewPage() {
  const connection = useConnection()
  const origin = serverUrl(connection)
  const health = useQuery(healthQueryOptions(origin))

  return (
    <>
      <PageHeader title="Overview" description="The Letta server this console manages." />
      <div className="grid max-w-4xl gap-4">
        <ResourceCounts />
        <Card>
          <CardHeader>
            <CardTitle>Server</CardTitle>
            <CardDescription className="font-mono">{origin}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {health.isPending ? (
              <Skeleton className="h-5 w-48" />
            ) : health.isError ? (
              <div className="grid gap-3">
                <p role="alert" className="text-destructive">
                  {health.error.message}
                </p>
                <Button asChild variant="outline" className="w-fit">
                  <Link to="/settings/connection">Check the connection</Link>
                </Button>
              </div>
            ) : (
              <DetailList>
                <DetailItem label="Status">
                  <Badge variant="success">{health.data.status}</Badge>
                </DetailItem>
                <DetailItem label="Version" mono>
                  {health.data.version}
                </DetailItem>
                <DetailItem label="Password">
                  {connection.password ? 'Sent with every request' : 'None saved'}
                </DetailItem>
              </DetailList>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  )
}
