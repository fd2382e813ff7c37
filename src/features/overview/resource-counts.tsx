import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { agentCountQueryOptions } from '@/api/agents'
import { useCapabilities } from '@/api/capabilities'
import { jobsQueryOptions } from '@/api/jobs'
import { runsQueryOptions } from '@/api/runs'
import { sourceCountQueryOptions } from '@/api/sources'
import { toolCountQueryOptions } from '@/api/tools'
import {
  ActivityIcon,
  BotIcon,
  DatabaseIcon,
  ListChecksIcon,
  WrenchIcon,
  type IconNode,
} from '@/components/icons'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'

/** The page of active jobs counted here; a full page reads "100+". */
const ACTIVE_JOBS_LIMIT = 100
/** Runs have no count endpoint: a page of the server's largest size is counted; a full one reads "1000+". */
const RUNS_LIMIT = 1000

/** What the server holds, one card a resource, each a link to its page. */
export function ResourceCounts() {
  const { has } = useCapabilities()
  // A server that surely lacks a resource gets no card for it, rather than an error.
  const hasSources = has.sources !== false || has.folders !== false
  const hasJobs = has.jobs !== false
  const agents = useQuery({ ...agentCountQueryOptions(), enabled: has.agents !== false })
  const runs = useQuery({
    ...runsQueryOptions({ limit: RUNS_LIMIT }),
    enabled: has.runs !== false,
    select: (list) => (list.length >= RUNS_LIMIT ? `${RUNS_LIMIT}+` : String(list.length)),
  })
  const tools = useQuery(toolCountQueryOptions(false))
  const sources = useQuery({ ...sourceCountQueryOptions(), enabled: hasSources })
  const activeJobs = useQuery({
    ...jobsQueryOptions({ active: true, limit: ACTIVE_JOBS_LIMIT }),
    enabled: hasJobs,
    select: (jobs) =>
      jobs.length >= ACTIVE_JOBS_LIMIT ? `${ACTIVE_JOBS_LIMIT}+` : String(jobs.length),
  })
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {has.agents !== false && (
        <CountCard
          to="/agents"
          icon={BotIcon}
          title="Agents"
          description="Agents on this server"
          count={agents}
        />
      )}
      {has.runs !== false && (
        <CountCard
          to="/runs"
          icon={ActivityIcon}
          title="Runs"
          description="Messages agents have handled"
          count={runs}
        />
      )}
      <CountCard
        to="/tools"
        icon={WrenchIcon}
        title="Tools"
        description="Custom tools (built-in not counted)"
        count={tools}
      />
      {hasSources && (
        <CountCard
          to="/sources"
          icon={DatabaseIcon}
          title="Sources"
          description="Document collections agents search"
          count={sources}
        />
      )}
      {hasJobs && (
        <CountCard
          to="/jobs"
          icon={ListChecksIcon}
          title="Active jobs"
          description="Uploads still being processed"
          count={activeJobs}
        />
      )}
    </div>
  )
}

function CountCard({
  to,
  icon,
  title,
  description,
  count,
}: {
  to: '/agents' | '/runs' | '/tools' | '/sources' | '/jobs'
  icon: IconNode
  title: string
  description: string
  count: UseQueryResult<number | string>
}) {
  return (
    <Link
      to={to}
      className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none"
    >
      <Card className="h-full gap-3 transition-colors hover:bg-accent/50">
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-sm font-medium">
            <Icon node={icon} className="size-4 text-muted-foreground" />
            {title}
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>
          {count.isPending ? (
            <Skeleton className="h-8 w-16" />
          ) : count.isError ? (
            <p className="text-sm text-destructive">Could not load: {count.error.message}</p>
          ) : (
            <p className="text-3xl font-semibold tabular-nums" data-testid={`count-${to.slice(1)}`}>
              {count.data}
            </p>
          )}
        </CardContent>
      </Card>
    </Link>
  )
}
