import { formatTimestamp } from '@/lib/format'

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** 1536 -> "1.5 KB": binary multiples, one decimal below 10 units, none above. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  if (unit === 0) return `${bytes} B`
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  // 1023.7 KB rounds up to 1024 KB: say 1 MB instead.
  if (rounded >= 1024 && unit < BYTE_UNITS.length - 1) return `1 ${BYTE_UNITS[unit + 1]}`
  return `${rounded} ${BYTE_UNITS[unit]}`
}

export const formatDateTime = (iso: string | null | undefined) => formatTimestamp(iso, 'short')

/** "1 file", "2 files": counts in sentences read better than "1 file(s)". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

/** The file's name in its source: unique there, as the server may suffix a clashing upload ("a (1).md"). */
export function fileDisplayName(file: {
  id: string
  original_file_name?: string | null
  file_name?: string | null
}): string {
  return file.file_name || file.original_file_name || file.id
}
