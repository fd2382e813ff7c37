import type * as React from 'react'
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts'

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from '@/components/ui/chart'
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

const tokensConfig = {
  prompt: { label: 'Prompt tokens', color: 'var(--chart-1)' },
  completion: { label: 'Completion tokens', color: 'var(--chart-3)' },
} satisfies ChartConfig
const runsConfig = { runs: { label: 'Runs', color: 'var(--chart-2)' } } satisfies ChartConfig
const groupConfig = {
  tokens: { label: 'Total tokens', color: 'var(--chart-3)' },
} satisfies ChartConfig

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
  const data = summary.series.map((entry) => ({
    label: entry.label,
    prompt: entry.prompt_tokens,
    completion: entry.completion_tokens,
  }))
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
        <ChartContainer config={tokensConfig} className="h-72 w-full">
          <BarChart data={data} accessibilityLayer>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="label"
              tickLine={false}
              tickFormatter={shortBucketLabel}
              minTickGap={16}
            />
            <YAxis tickLine={false} width={48} tickFormatter={formatCompact} />
            <ChartTooltip content={<ChartTooltipContent formatValue={formatCount} />} />
            <ChartLegend content={<ChartLegendContent />} />
            <Bar dataKey="prompt" stackId="tokens" fill="var(--color-prompt)" />
            <Bar dataKey="completion" stackId="tokens" fill="var(--color-completion)" />
          </BarChart>
        </ChartContainer>
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
  const data = summary.groups.map((group) => ({
    name: groupName(group.key),
    tokens: group.total_tokens,
  }))
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
        <ChartContainer
          config={groupConfig}
          className="aspect-auto w-full"
          style={{ height: Math.max(160, data.length * 36 + 64) }}
        >
          <BarChart data={data} layout="vertical" accessibilityLayer margin={{ left: 8 }}>
            <CartesianGrid horizontal={false} />
            <XAxis type="number" tickLine={false} tickFormatter={formatCompact} />
            <YAxis type="category" dataKey="name" tickLine={false} width={140} />
            <ChartTooltip content={<ChartTooltipContent formatValue={formatCount} />} />
            <ChartLegend content={<ChartLegendContent />} />
            <Bar dataKey="tokens" fill="var(--color-tokens)" />
          </BarChart>
        </ChartContainer>
      }
    />
  )
}

export function RunsOverTime({ summary }: { summary: UsageSummary }) {
  const data = summary.series.map((entry) => ({ label: entry.label, runs: entry.runs }))
  return (
    <ChartCard
      id="runs-over-time"
      title="Runs over time"
      description={`Runs per ${summary.bucket}, counted where their first step falls`}
      columns={[summary.bucket === 'day' ? 'Day' : 'Hour', 'Runs', 'Steps']}
      rows={summary.series.map((entry) => [entry.label, entry.runs, entry.steps])}
      chart={
        <ChartContainer config={runsConfig} className="h-60 w-full">
          <BarChart data={data} accessibilityLayer>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="label"
              tickLine={false}
              tickFormatter={shortBucketLabel}
              minTickGap={16}
            />
            <YAxis tickLine={false} width={48} allowDecimals={false} />
            <ChartTooltip content={<ChartTooltipContent formatValue={formatCount} />} />
            <ChartLegend content={<ChartLegendContent />} />
            <Bar dataKey="runs" fill="var(--color-runs)" />
          </BarChart>
        </ChartContainer>
      }
    />
  )
}
