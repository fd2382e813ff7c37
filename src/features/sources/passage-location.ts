const numberAt = (metadata: Record<string, unknown>, key: string): number | undefined => {
  const value = metadata[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function span(one: string, many: string, start?: number, end?: number): string | undefined {
  if (start === undefined) return undefined
  if (end === undefined || end === start) return `${one} ${start}`
  return `${many} ${start}–${end}`
}

/** Where in its file a passage came from, from the metadata the server records: "pages 2–3", "§ Setup". */
export function passageLocation(
  metadata: Record<string, unknown> | null | undefined,
): string | undefined {
  if (!metadata) return undefined
  const section =
    typeof metadata.section === 'string' && metadata.section ? `§ ${metadata.section}` : undefined
  return (
    span('page', 'pages', numberAt(metadata, 'page_start'), numberAt(metadata, 'page_end')) ??
    span(
      'record',
      'records',
      numberAt(metadata, 'record_start'),
      numberAt(metadata, 'record_end'),
    ) ??
    section ??
    span('line', 'lines', numberAt(metadata, 'line_start'), numberAt(metadata, 'line_end'))
  )
}
