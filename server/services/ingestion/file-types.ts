import { basename, extname } from 'node:path'

/** How the bytes become text. */
export type Extractor = 'text' | 'html' | 'pdf' | 'docx'
/** How the text is cut into chunks. */
export type ChunkStrategy = 'prose' | 'markdown' | 'code' | 'json' | 'jsonl' | 'csv' | 'lines'

export interface AcceptedType {
  extension: string
  /** The first is the canonical type stored on the file; the rest are aliases clients send. */
  mimeTypes: readonly string[]
  description: string
  extractor: Extractor
  chunking: ChunkStrategy
}

const type = (
  extension: string,
  mimeTypes: string[],
  description: string,
  extractor: Extractor,
  chunking: ChunkStrategy,
): AcceptedType => ({ extension, mimeTypes, description, extractor, chunking })

const code = (extension: string, mimeTypes: string[], description: string) =>
  type(extension, mimeTypes, description, 'text', 'code')
const config = (extension: string, mimeTypes: string[], description: string) =>
  type(extension, mimeTypes, description, 'text', 'lines')

/**
 * Every file type an upload may have: the single list the upload check, the ingestion pipeline and
 * GET /v1/upload-policy (and through it the console) all read. It covers what Letta accepts, plus .docx.
 */
export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  type('.pdf', ['application/pdf'], 'PDF document', 'pdf', 'prose'),
  type(
    '.docx',
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    'Word document',
    'docx',
    'prose',
  ),
  type('.txt', ['text/plain'], 'Plain text', 'text', 'prose'),
  type('.md', ['text/markdown', 'text/x-markdown'], 'Markdown', 'text', 'markdown'),
  type('.markdown', ['text/markdown', 'text/x-markdown'], 'Markdown', 'text', 'markdown'),
  type('.html', ['text/html'], 'Web page', 'html', 'prose'),
  type('.htm', ['text/html'], 'Web page', 'html', 'prose'),
  type('.json', ['application/json'], 'JSON data', 'text', 'json'),
  type(
    '.jsonl',
    ['application/jsonl', 'application/x-jsonlines', 'application/x-ndjson'],
    'JSON Lines data, one record per line',
    'text',
    'jsonl',
  ),
  type('.csv', ['text/csv'], 'Comma-separated values', 'text', 'csv'),
  code('.py', ['text/x-python', 'text/x-script.python'], 'Python'),
  code('.js', ['text/javascript', 'application/javascript'], 'JavaScript'),
  code('.jsx', ['text/x-jsx'], 'JavaScript with JSX'),
  code('.ts', ['text/x-typescript', 'application/typescript'], 'TypeScript'),
  code('.tsx', ['text/x-tsx'], 'TypeScript with JSX'),
  code('.vue', ['text/x-vue'], 'Vue component'),
  code('.java', ['text/x-java-source', 'text/x-java'], 'Java'),
  code('.kt', ['text/x-kotlin'], 'Kotlin'),
  code('.scala', ['text/x-scala'], 'Scala'),
  code('.c', ['text/x-c', 'text/x-csrc'], 'C'),
  code('.h', ['text/x-c', 'text/x-chdr'], 'C or C++ header'),
  code('.cpp', ['text/x-c++', 'text/x-c++src'], 'C++'),
  code('.cxx', ['text/x-c++', 'text/x-c++src'], 'C++'),
  code('.cs', ['text/x-csharp'], 'C#'),
  code('.go', ['text/x-go'], 'Go'),
  code('.rs', ['text/x-rust'], 'Rust'),
  code('.swift', ['text/x-swift'], 'Swift'),
  code('.m', ['text/x-objective-c'], 'Objective-C'),
  code('.rb', ['text/x-ruby'], 'Ruby'),
  code('.php', ['text/x-php'], 'PHP'),
  code('.r', ['text/x-r'], 'R'),
  code('.sql', ['text/x-sql', 'application/sql'], 'SQL'),
  code('.sh', ['text/x-shellscript', 'application/x-sh'], 'Shell script'),
  code('.bash', ['text/x-shellscript', 'application/x-sh'], 'Bash script'),
  code('.ps1', ['text/x-powershell'], 'PowerShell script'),
  code('.bat', ['text/x-batch'], 'Windows batch file'),
  code('.cmd', ['text/x-batch'], 'Windows command script'),
  code('.dockerfile', ['text/x-dockerfile'], 'Dockerfile'),
  config('.css', ['text/css'], 'CSS'),
  config('.scss', ['text/x-scss'], 'SCSS'),
  config('.sass', ['text/x-sass'], 'Sass'),
  config('.less', ['text/x-less'], 'Less'),
  config('.xml', ['application/xml', 'text/xml'], 'XML'),
  config('.yaml', ['text/x-yaml', 'application/yaml', 'application/x-yaml', 'text/yaml'], 'YAML'),
  config('.yml', ['text/x-yaml', 'application/yaml', 'application/x-yaml', 'text/yaml'], 'YAML'),
  config('.toml', ['application/toml'], 'TOML'),
  config('.ini', ['text/x-ini'], 'INI settings'),
  config('.cfg', ['text/x-conf'], 'Configuration file'),
  config('.conf', ['text/x-conf'], 'Configuration file'),
]

const BY_EXTENSION = new Map(ACCEPTED_TYPES.map((entry) => [entry.extension, entry]))
const BY_MIME = new Map<string, AcceptedType>()
for (const entry of ACCEPTED_TYPES) {
  for (const mime of entry.mimeTypes) if (!BY_MIME.has(mime)) BY_MIME.set(mime, entry)
}

export interface ResolvedType {
  type: AcceptedType
  /** What the file row records as file_type. */
  mimeType: string
}

/** `report.PDF` -> `.pdf`; a file called `Dockerfile` counts as `.dockerfile`. */
export function extensionOf(fileName: string): string {
  const name = basename(fileName).toLowerCase()
  return name === 'dockerfile' ? '.dockerfile' : extname(name)
}

export function normaliseMimeType(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase()
  return essence || undefined
}

/**
 * Decides an upload's type from its declared Content-Type and its name, as Letta does: an accepted
 * Content-Type is enough, else the extension decides. When both are known the extension picks the
 * parser (a .md sent as text/plain is still chunked as Markdown). Undefined means 415.
 */
export function resolveFileType(
  contentType: string | undefined,
  fileName: string,
): ResolvedType | undefined {
  const byExtension = BY_EXTENSION.get(extensionOf(fileName))
  const mime = normaliseMimeType(contentType)
  const byMime = mime === undefined ? undefined : BY_MIME.get(mime)
  const entry = byExtension ?? byMime
  if (!entry) return undefined
  return { type: entry, mimeType: entry.mimeTypes[0] as string }
}

/** The type of a stored file from its canonical file_type: entries that share one parse alike. */
export function typeForStoredFile(fileType: string): AcceptedType | undefined {
  return BY_MIME.get(fileType)
}

export function unsupportedTypeMessage(contentType: string | undefined, fileName: string): string {
  const extensions = ACCEPTED_TYPES.map((entry) => entry.extension).join(', ')
  return `Unsupported file type: ${normaliseMimeType(contentType) ?? 'unknown'} (filename: ${fileName}). Supported types: ${extensions}.`
}

export interface UploadPolicy {
  max_file_size_bytes: number
  accepted_types: { extension: string; mime_types: string[]; description: string }[]
}

export function uploadPolicy(maxFileSizeBytes: number): UploadPolicy {
  return {
    max_file_size_bytes: maxFileSizeBytes,
    accepted_types: ACCEPTED_TYPES.map((entry) => ({
      extension: entry.extension,
      mime_types: [...entry.mimeTypes],
      description: entry.description,
    })),
  }
}
