import { formatBytes } from './format'

/** What the server accepts, as `GET /v1/upload-policy` describes it. */
export interface FilePolicy {
  max_file_size_bytes: number
  accepted_types: { extension: string; mime_types: string[]; description: string }[]
}

export interface CandidateFile {
  name: string
  size: number
}

export type FileCheck = { ok: true } | { ok: false; reason: string }

/** ".PDF" and "pdf" both name the extension ".pdf". */
function normalizeExtension(extension: string): string {
  const lower = extension.trim().toLowerCase()
  return lower.startsWith('.') ? lower : `.${lower}`
}

/** The extension of a file name, lower-cased with its dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

/** Every accepted extension once, in the server's order (it lists the common document types first). */
export function acceptedExtensions(policy: FilePolicy): string[] {
  return [...new Set(policy.accepted_types.map((type) => normalizeExtension(type.extension)))]
}

/** ".pdf, .docx, .txt and 30 more": a list short enough to read in a message. */
export function summarizeExtensions(extensions: readonly string[], shown = 6): string {
  if (extensions.length <= shown + 1) return extensions.join(', ')
  return `${extensions.slice(0, shown).join(', ')} and ${extensions.length - shown} more`
}

/**
 * Judges a file by its extension and size, as the server will. The browser's MIME type is not
 * consulted: browsers guess it from the extension anyway and guess wrong for some (.ts is "video/mp2t").
 */
export function checkFile(file: CandidateFile, policy: FilePolicy): FileCheck {
  const extension = extensionOf(file.name)
  const accepted = acceptedExtensions(policy)
  if (!extension || !accepted.includes(extension)) {
    const what = extension
      ? `${extension} files are not supported`
      : 'A file without an extension is not supported'
    return { ok: false, reason: `${what}. Accepted types: ${summarizeExtensions(accepted)}` }
  }
  if (file.size > policy.max_file_size_bytes) {
    let size = formatBytes(file.size)
    let limit = formatBytes(policy.max_file_size_bytes)
    // Just over the limit both round to the same figure: give the bytes so the refusal makes sense.
    if (size === limit) {
      size = `${file.size.toLocaleString('en-US')} bytes`
      limit = `${policy.max_file_size_bytes.toLocaleString('en-US')}-byte`
    }
    return { ok: false, reason: `${size} is over the ${limit} limit` }
  }
  if (file.size === 0) return { ok: false, reason: 'The file is empty: there is nothing to index' }
  return { ok: true }
}

export interface FileRejection<F extends CandidateFile> {
  file: F
  reason: string
}

/** Splits a drop into the files to upload and the ones refused, each with its reason. */
export function partitionFiles<F extends CandidateFile>(
  files: readonly F[],
  policy: FilePolicy,
): { accepted: F[]; rejected: FileRejection<F>[] } {
  const accepted: F[] = []
  const rejected: FileRejection<F>[] = []
  for (const file of files) {
    const check = checkFile(file, policy)
    if (check.ok) accepted.push(file)
    else rejected.push({ file, reason: check.reason })
  }
  return { accepted, rejected }
}
