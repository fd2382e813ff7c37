import type * as React from 'react'

import { BarChart, type BarChartSeries } from '@/components/ui/bar-chart'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'

import { formatCompact, formatCount, shortBucketLabel } from './usage-format'
import type { UsageSummary } from './usage-from-steps'

type UsageSeriesEntry = UsageSummary['series'][number]
type UsageGroup = UsageSummary['groups'][number]

const tokenSeries: BarChartSeries<UsageSeriesEntry>[] = [
  { label: 'Prompt tokens', color: 'var(--chart-1)', value: (entry) => entry.prompt_tokens },
  {
    label: 'Completion tokens',
    color: 'var(--chart-3)',
    value: (entry) => entry.completion_tokens,
  },
]
const runSeries: BarChartSeries<UsageSeriesEntry>[] = [
  { label: 'Runs', color: 'var(--chart-2)', value: (entry) => entry.runs },
]
const groupSeries: BarChartSeries<UsageGroup>[] = [
  { label: 'Total tokens', color: 'var(--chart-3)', value: (group) => group.total_tokens },
]
const bucketOf = (entry: UsageSeriesEntry) => entry.label

/** A chart with the same numbers as a table a tab away, for screen readers and exact values. */
function ChartCard({
  id,
  title,
  description,
  chart,
  columns,
  rows,
}: {
  id: string
  title: string
  description: string
  chart: React.ReactNode
  columns: string[]
  rows: (string | number)[][]
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="chart">
          <TabsList aria-label={`${title}: view`}>
            <TabsTrigger value="chart">Chart</TabsTrigger>
            <TabsTrigger value="table">Table</TabsTrigger>
          </TabsList>
          <TabsContent value="chart" role="figure" aria-labelledby={`${id}-title`}>
            {chart}
          </TabsContent>
          <TabsContent value="table">
            <div className="max-h-80 overflow-auto rounded-md border">
              <Table aria-labelledby={`${id}-title`}>
                <TableHeader>
                  <TableRow>
                    {columns.map((column, index) => (
                      <TableHead key={column} className={index ? 'text-right' : undefined}>
                        {column}
                      </TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row, rowIndex) => (
                    <TableRow key={rowIndex}>
                      {row.map((cell, index) => (
                        <TableCell
                          key={index}
                          className={index ? 'text-right font-mono tabular-nums' : undefined}
                        >
                          {typeof cell === 'number' ? formatCount(cell) : cell}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </TabsContent>
        </Tabs>
      </CardContent>
    </Card>
  )
}

export function TokensOverTime({ summary }: { summary: UsageSummary }) {
  return (
    <ChartCard
      id="tokens-over-time"
      title="Tokens over time"
      description={`Prompt and completion tokens per ${summary.bucket}`}
      columns={[summary.bucket === 'day' ? 'Day' : 'Hour', 'Prompt', 'Completion', 'Total']}
      rows={summary.series.map((entry) => [
        entry.label,
        entry.prompt_tokens,
        entry.completion_tokens,
        entry.total_tokens,
      ])}
      chart={
        <BarChart
          label={`Prompt and completion tokens per ${summary.bucket}`}
          data={summary.series}
          category={bucketOf}
          series={tokenSeries}
          height={288}
          formatTick={formatCompact}
          formatCategoryTick={shortBucketLabel}
          formatValue={formatCount}
        />
      }
    />
  )
}

export function TokensByGroup({
  summary,
  groupName,
}: {
  summary: UsageSummary
  groupName: (key: string | null) => string
}) {
  const noun = summary.group_by === 'model' ? 'Model' : 'Agent'
  return (
    <ChartCard
      id="tokens-by-group"
      title={`Tokens by ${noun.toLowerCase()}`}
      description={`Total tokens of each ${noun.toLowerCase()}, most first`}
      columns={[noun, 'Prompt', 'Completion', 'Cached', 'Reasoning', 'Total', 'Steps', 'Runs']}
      rows={summary.groups.map((group) => [
        groupName(group.key),
        group.prompt_tokens,
        group.completion_tokens,
        group.cached_tokens,
        group.reasoning_tokens,
        group.total_tokens,
        group.steps,
        group.runs,
      ])}
      chart={
        <BarChart
          label={`Total tokens of each ${noun.toLowerCase()}`}
          data={summary.groups}
          category={(group) => groupName(group.key)}
          series={groupSeries}
          orientation="horizontal"
          formatTick={formatCompact}
          formatValue={formatCount}
        />
      }
    />
  )
}

export function RunsOverTime({ summary }: { summary: UsageSummary }) {
  return (
    <ChartCard
      id="runs-over-time"
      title="Runs over time"
      description={`Runs per ${summary.bucket}, counted where their first step falls`}
      columns={[summary.bucket === 'day' ? 'Day' : 'Hour', 'Runs', 'Steps']}
      rows={summary.series.map((entry) => [entry.label, entry.runs, entry.steps])}
      chart={
        <BarChart
          label={`Runs per ${summary.bucket}`}
          data={summary.series}
          category={bucketOf}
          series={runSeries}
          height={240}
          integerTicks
          formatTick={formatCount}
          formatCategoryTick={shortBucketLabel}
          formatValue={formatCount}
        />
      }
    />
  )
}
