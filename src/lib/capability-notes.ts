import type { CapabilityName } from './capabilities'

/**
 * Said in place of what a server lacks: which servers have it, and since which version. Apart
 * from the capability table, so only the views that say it load it.
 */
export const CAPABILITY_NOTES: Record<CapabilityName, string> = {
  tools: 'Every Letta server has tools; this one refused to list them.',
  sources:
    'This server has no /v1/sources. Letta 0.9 renamed sources to folders; where folders exist the console uses them instead.',
  folders: 'Folders arrived in Letta 0.9; older servers call them sources.',
  jobs: "This server lists no jobs. Since Letta 0.8.7 an upload's progress is kept on the file itself (processing_status), and the console follows it there.",
  agents: 'This server does not serve /v1/agents.',
  runs: 'This server does not serve /v1/runs.',
  steps: 'This server does not serve /v1/steps, from which usage is otherwise computed.',
  templates: 'Templates are a Letta Cloud feature; self-hosted Letta servers do not serve them.',
  batches: 'This server does not serve /v1/messages/batches.',
  usage:
    "The usage summary is the bundled server's extension; for other servers usage is computed from their steps.",
  uploadPolicy:
    "Only the bundled server publishes the file types and sizes it takes; other servers' refusals are shown as they come.",
  generateSchema:
    "This server cannot derive a tool's JSON schema from its source (Letta servers since 0.16 and the bundled server can).",
}
