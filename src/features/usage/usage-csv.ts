import type { UsageSummary } from './usage-from-steps'

const COLUMNS = [
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'total_tokens',
  'steps',
  'runs',
] as const

/** One CSV field: quoted when needed, and never read by a spreadsheet as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * What the page shows, as one CSV: a `section` column says whether a row is the total, a bucket,
 * a group (model or agent) or one of the top runs.
 */
export function usageCsv(summary: UsageSummary, groupName: (key: string | null) => string): string {
  const rows: (string | number | null)[][] = [['section', 'name', 'id', 'start', ...COLUMNS]]
  const figures = (entry: Partial<Record<(typeof COLUMNS)[number], number>>) =>
    COLUMNS.map((column) => entry[column] ?? null)
  rows.push([
    'total',
    `${summary.start_date} to ${summary.end_date}`,
    null,
    summary.start_date,
    ...figures(summary.totals),
  ])
  for (const bucket of summary.series)
    rows.push([summary.bucket, bucket.label, null, bucket.start, ...figures(bucket)])
  for (const group of summary.groups)
    rows.push([summary.group_by, groupName(group.key), group.key, null, ...figures(group)])
  for (const run of summary.top_runs) {
    rows.push([
      'top run',
      run.agent_name ?? run.agent_id,
      run.run_id,
      run.started_at,
      ...figures(run),
    ])
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Offers the text as a file download. */
export function downloadText(text: string, fileName: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
